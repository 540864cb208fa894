package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.EssentialName;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfRelocation;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.ProgramCoreRelo;
import io.github.core4j.reloc.BtfTypes;
import io.github.core4j.reloc.ErrorCode;
import io.github.core4j.reloc.RelocationException;
import io.github.core4j.reloc.RelocationKind;
import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.Relocator;
import io.github.core4j.reloc.Targets;
import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.ObjectCheck;
import io.github.core4j.reloc.patch.InsnPatcher;
import io.github.core4j.reloc.patch.Patch;
import io.github.core4j.reloc.reach.Code;
import io.github.core4j.reloc.reach.Reachability;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Judges a BPF object's programs against a kernel: the object's CO-RE records ({@link BpfObject},
 * which finds programs and subprograms as libbpf does) are relocated against the kernel as libbpf
 * would ({@link Relocator}, in libbpf's order) and patched into copies of the code ({@link
 * InsnPatcher}).
 *
 * <p>Each program is judged as if loaded alone (the others' autoload off), as the verifier
 * prediction tests load them. A program FAILs when a relocation of its own code fails or can't be
 * patched (libbpf refuses the object), when one in a {@code .text} subprogram does (libbpf
 * relocates subprograms whether or not anything calls them, so the whole object fails), or when an
 * instruction that a relocation poisoned (no match on the kernel) is reachable from the program's
 * entry once the relocated constants are folded into the jumps that guard it ({@link Reachability})
 * — the verifier would reject it. A poisoned instruction behind a guard such as {@code
 * bpf_core_field_exists()} that the kernel makes false is dead code and harmless. An object whose
 * byte order is not the kernel's FAILs everywhere (libbpf refuses to open it).
 *
 * <p>The object is read once; {@link #check} may run for many kernels at once.
 */
public final class ElfObjectCheck implements ObjectCheck {
  private final String object;
  private final BpfObject bpf;
  private final ElfFile elf;
  private final List<Program> programs;
  private final List<String> programNames;
  private final @Nullable BtfTypes local;

  /** The records in libbpf's order, each with the (sub)program holding its instruction. */
  private final List<Owned> records;

  private final Set<String> typeNames = new HashSet<>();
  private final Code code;

  /** A record and the function whose code holds its instruction. */
  private record Owned(io.github.core4j.elf.object.Program program, ProgramCoreRelo record) {}

  private ElfObjectCheck(String object, BpfObject bpf) {
    this.object = object;
    this.bpf = bpf;
    this.elf = bpf.elf();
    List<Program> ps = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (io.github.core4j.elf.object.Program p : bpf.programs()) {
      ps.add(
          new Program(
              p.name(), p.sectionIndex(), p.sectionName(), p.sectionInsnOffset(), p.insnCount()));
      names.add(p.name());
    }
    this.programs = List.copyOf(ps);
    this.programNames = List.copyOf(names);
    Code c = new Code(elf.byteOrder());
    for (ElfSection s : elf.sections()) {
      if (s.index() != 0 && s.isExecutable() && s.hasFileData()) {
        c.section(s.index(), bytes(elf.data(s)));
        for (ElfRelocation r : elf.relocationsFor(s)) {
          // code references (calls, callbacks) and everything else (maps, globals, externs),
          // whose values are only known at load time
          c.reference(
              s.index(), (int) (r.offset() / 8), r.symbol().sectionIndex(), r.symbol().value());
        }
      }
    }
    this.code = c;
    Btf btf = bpf.btf().orElse(null);
    BtfExt ext = bpf.btfExt().orElse(null);
    if (btf == null || ext == null) {
      this.local = null;
      this.records = List.of();
    } else {
      this.local = BtfTypes.ofObject(btf);
      this.records = ownedRecords(bpf, ext);
      for (Owned o : records) {
        CoreRelo r = o.record().relo();
        if (r.kind() != RelocationKind.TYPE_ID_LOCAL.value() && btf.hasType(r.typeId())) {
          typeNames.add(EssentialName.of(btf.name(r.typeId())));
        }
      }
    }
  }

  /**
   * libbpf's walk over {@code .BTF.ext}: sections in order, records in order, each given to the
   * function holding its instruction; records of a function the linker eliminated (a {@code __weak}
   * duplicate) belong to none and are skipped, as libbpf skips them.
   */
  private static List<Owned> ownedRecords(BpfObject bpf, BtfExt ext) {
    Map<String, Owned> byKey = new HashMap<>();
    Map<String, Integer> sectionByName = new HashMap<>();
    List<io.github.core4j.elf.object.Program> all = new ArrayList<>(bpf.programs());
    all.addAll(bpf.subprograms());
    for (io.github.core4j.elf.object.Program p : all) {
      sectionByName.putIfAbsent(p.sectionName(), p.sectionIndex());
      for (ProgramCoreRelo r : p.coreRelos()) {
        byKey.put(p.sectionIndex() + "#" + r.index(), new Owned(p, r));
      }
    }
    List<Owned> out = new ArrayList<>();
    for (BtfExtSection<CoreRelo> s : ext.coreRelos().sections()) {
      String name = s.name().startsWith("?") ? s.name().substring(1) : s.name();
      Integer section = sectionByName.get(name);
      if (section == null) {
        throw new RelocationException(
            ErrorCode.EINVAL,
            bpf.source()
                + ": .BTF.ext has CO-RE records for section '"
                + s.name()
                + "', which has no code");
      }
      for (int i = 0; i < s.records().size(); i++) {
        Owned o = byKey.get(section + "#" + i);
        if (o != null) {
          out.add(o);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The object at {@code path}. */
  public static ElfObjectCheck open(Path path) {
    Path name = path.getFileName();
    return of(BpfObject.open(path), name == null ? path.toString() : name.toString());
  }

  /** An object already opened, reported as {@code name}. */
  public static ElfObjectCheck of(BpfObject object, String name) {
    return new ElfObjectCheck(name, object);
  }

  @Override
  public String object() {
    return object;
  }

  @Override
  public List<String> programs() {
    return programNames;
  }

  @Override
  public Optional<Set<String>> typeNames() {
    return Optional.of(Set.copyOf(typeNames));
  }

  /** The object as opened. */
  public BpfObject bpfObject() {
    return bpf;
  }

  /** The programs with their sections and instruction ranges. */
  public List<Program> programRanges() {
    return programs;
  }

  @Override
  public List<Cell> check(Kernel kernel) {
    return relocate(kernel).cells();
  }

  /**
   * Relocates every record against {@code kernel}, patches the code and judges each program. An
   * object of the other byte order is still relocated (with the kernel's types read in the object's
   * order) so that its records can be shown, but every program FAILs.
   */
  public ObjectRelocation relocate(Kernel kernel) {
    String k = kernel.name();
    BtfTypes types = local;
    if (types == null || records.isEmpty()) {
      return new ObjectRelocation(List.of(), Map.of(), code, allOk(k));
    }
    ByteOrder kernelOrder = kernel.btf().byteOrder();
    Relocator relocator =
        new Relocator(types, new Targets(kernel.target(), List.of(), elf.byteOrder()));
    Map<Integer, byte[]> patched = new LinkedHashMap<>();
    List<RelocatedRecord> partial = new ArrayList<>();
    for (Owned o : records) {
      int section = o.program().sectionIndex();
      RelocationResult res = relocator.relocate(o.record().relo());
      if (!res.succeeded()) {
        String why = res.failure().map(Throwable::getMessage).orElse("failed");
        partial.add(new RelocatedRecord(o.program(), o.record(), res, null, why, false));
        continue;
      }
      byte[] insns =
          patched.computeIfAbsent(
              section, s -> java.util.Objects.requireNonNull(code.insns(s)).clone());
      try {
        Patch p =
            InsnPatcher.patch(
                insns, o.record().sectionInsnIndex(), elf.byteOrder(), res.values().orElseThrow());
        partial.add(new RelocatedRecord(o.program(), o.record(), res, p, null, false));
      } catch (RelocationException e) {
        partial.add(
            new RelocatedRecord(
                o.program(), o.record(), res, null, "cannot patch: " + e.getMessage(), false));
      }
    }
    Code after = code;
    for (Map.Entry<Integer, byte[]> e : patched.entrySet()) {
      after = after.with(e.getKey(), e.getValue());
    }

    // Reachability of poisoned instructions, per program, computed only when needed.
    Map<Program, Reachability.Reached> folded = new HashMap<>();
    List<RelocatedRecord> done = new ArrayList<>(partial.size());
    for (RelocatedRecord r : partial) {
      if (!r.poisoned()) {
        done.add(r);
        continue;
      }
      boolean reachable = false;
      for (Program p : programs) {
        if (reached(folded, after, p).contains(sectionOf(r), r.record().sectionInsnIndex())) {
          reachable = true;
          break;
        }
      }
      done.add(
          new RelocatedRecord(r.program(), r.record(), r.result(), r.patch(), null, reachable));
    }

    List<Cell> cells = new ArrayList<>(programs.size());
    if (!kernelOrder.equals(elf.byteOrder())) {
      String reason =
          "the object is "
              + endian(elf.byteOrder())
              + " and the kernel "
              + endian(kernelOrder)
              + ": libbpf refuses to open it";
      for (Program p : programs) {
        cells.add(Cell.fail(k, object, p.name(), reason));
      }
    } else {
      for (Program p : programs) {
        List<String> reasons = reasons(p, done, folded, after);
        cells.add(
            reasons.isEmpty()
                ? Cell.ok(k, object, p.name())
                : Cell.fail(k, object, p.name(), join(reasons)));
      }
    }
    return new ObjectRelocation(done, patched, after, cells);
  }

  private static int sectionOf(RelocatedRecord r) {
    return r.program().sectionIndex();
  }

  private static Reachability.Reached reached(
      Map<Program, Reachability.Reached> cache, Code code, Program p) {
    return cache.computeIfAbsent(p, q -> Reachability.analyze(code, q.section(), q.firstInsn()));
  }

  /** Why program {@code p} would not load, given the outcome of the object's relocations. */
  private List<String> reasons(
      Program p, List<RelocatedRecord> done, Map<Program, Reachability.Reached> folded, Code code) {
    List<String> reasons = new ArrayList<>();
    for (RelocatedRecord r : done) {
      String error = r.error();
      if (error == null && !r.poisoned()) {
        continue;
      }
      int section = sectionOf(r);
      int insn = r.record().sectionInsnIndex();
      boolean own = section == p.section() && p.contains(insn);
      boolean subprogram = r.program().subprogram();
      if (!own && !subprogram) {
        continue; // another program's code: libbpf skips it when that program isn't loaded
      }
      int start = own ? p.firstInsn() : 0;
      Issue issue =
          new Issue(section, insn, r.record().index(), r.result(), problem(r), error == null);
      if (error == null) {
        if (reached(folded, code, p).contains(section, insn)) {
          reasons.add(issue.reason(own ? "its" : "section " + sectionName(section), start));
        }
      } else if (own) {
        reasons.add(issue.reason("its", start));
      } else {
        // libbpf relocates every subprogram: the whole object fails, callers or not
        reasons.add(
            "in subprogram "
                + r.program().name()
                + " (section "
                + sectionName(section)
                + "): "
                + issue.reason("subprogram", start)
                + " (libbpf refuses the whole object)");
      }
    }
    return reasons;
  }

  private static String problem(RelocatedRecord r) {
    String error = r.error();
    if (error != null) {
      return error;
    }
    return r.result().poisoned()
        ? "no match on this kernel"
        : "the field changed size in a way the load can't follow";
  }

  private String sectionName(int section) {
    return elf.section(section).name();
  }

  private List<Cell> allOk(String kernel) {
    List<Cell> cells = new ArrayList<>(programs.size());
    for (Program p : programs) {
      cells.add(Cell.ok(kernel, object, p.name()));
    }
    return cells;
  }

  private static String join(List<String> reasons) {
    if (reasons.size() <= 3) {
      return String.join("; ", reasons);
    }
    return String.join("; ", reasons.subList(0, 3)) + "; and " + (reasons.size() - 3) + " more";
  }

  private static String endian(ByteOrder order) {
    return order.equals(ByteOrder.BIG_ENDIAN) ? "big-endian" : "little-endian";
  }

  private static byte[] bytes(ByteBuffer data) {
    byte[] out = new byte[data.remaining()];
    data.duplicate().get(out);
    return out;
  }

  @Override
  public String toString() {
    return "ElfObjectCheck[" + object + ", " + programs.size() + " programs]";
  }
}
