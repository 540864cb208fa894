package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.EssentialName;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfRelocation;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.MappedFiles;
import io.github.core4j.reloc.BtfTypes;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Judges a BPF object's programs against a kernel straight from the ELF file: the object's {@code
 * .BTF} and {@code .BTF.ext} give the CO-RE records, which are relocated against the kernel as
 * libbpf would ({@link Relocator}, in libbpf's order) and patched into copies of the code ({@link
 * InsnPatcher}).
 *
 * <p>A program FAILs when a relocation of its own code, or of a subprogram it calls, fails or can't
 * be patched (libbpf refuses the object), or when an instruction that relocation poisoned (no match
 * on the kernel) is reachable from the program's entry once the relocated constants are folded into
 * the jumps that guard it ({@link Reachability}) — the verifier would reject it. A poisoned
 * instruction behind a guard such as {@code bpf_core_field_exists()} that the kernel makes false is
 * dead code and harmless. An object whose byte order is not the kernel's FAILs everywhere (libbpf
 * refuses to open it).
 *
 * <p>The object is read once; {@link #check} may run for many kernels at once.
 */
public final class ElfObjectCheck implements ObjectCheck {
  private final String object;
  private final ElfFile elf;
  private final List<Program> programs;
  private final List<String> programNames;
  private final @Nullable BtfTypes local;
  private final List<BtfExtSection<CoreRelo>> relos;
  private final Map<String, Integer> sectionIndex = new HashMap<>();
  private final Set<String> typeNames = new HashSet<>();
  private final Code code;

  private ElfObjectCheck(String object, ElfFile elf, ProgramsOf programsOf) {
    this.object = object;
    this.elf = elf;
    this.programs = List.copyOf(programsOf.programs(elf));
    List<String> names = new ArrayList<>();
    for (Program p : programs) {
      names.add(p.name());
    }
    this.programNames = List.copyOf(names);
    Code c = new Code(elf.byteOrder());
    for (ElfSection s : elf.sections()) {
      if (s.index() == 0) {
        continue;
      }
      sectionIndex.putIfAbsent(s.name(), s.index());
      if (s.isExecutable() && s.hasFileData()) {
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
    ElfSection btfSection = elf.section(".BTF").orElse(null);
    ElfSection extSection = elf.section(".BTF.ext").orElse(null);
    if (btfSection == null || extSection == null) {
      this.local = null;
      this.relos = List.of();
    } else {
      Btf btf = Btf.parse(elf.data(btfSection), elf.source() + " (.BTF)");
      BtfExt ext = BtfExt.parse(elf.data(extSection), btf, elf.source() + " (.BTF.ext)");
      this.local = BtfTypes.ofObject(btf);
      this.relos = ext.coreRelos().sections();
      for (BtfExtSection<CoreRelo> s : relos) {
        for (CoreRelo r : s.records()) {
          if (r.kind() != RelocationKind.TYPE_ID_LOCAL.value() && btf.hasType(r.typeId())) {
            typeNames.add(EssentialName.of(btf.name(r.typeId())));
          }
        }
      }
    }
  }

  /** The object at {@code path}, its programs found by {@link FunctionSymbols}. */
  public static ElfObjectCheck open(Path path) {
    return open(path, FunctionSymbols.INSTANCE);
  }

  /** The object at {@code path}, its programs found by {@code programsOf}. */
  public static ElfObjectCheck open(Path path, ProgramsOf programsOf) {
    Path name = path.getFileName();
    return new ElfObjectCheck(
        name == null ? path.toString() : name.toString(),
        ElfFile.parse(MappedFiles.map(path), path.toString()),
        programsOf);
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

  /** The programs with their sections and instruction ranges. */
  public List<Program> programRanges() {
    return programs;
  }

  @Override
  public List<Cell> check(Kernel kernel) {
    String k = kernel.name();
    if (local == null || relos.isEmpty()) {
      return allOk(k);
    }
    ByteOrder kernelOrder = kernel.btf().byteOrder();
    if (!kernelOrder.equals(elf.byteOrder())) {
      List<Cell> cells = new ArrayList<>();
      String reason =
          "the object is "
              + endian(elf.byteOrder())
              + " and the kernel "
              + endian(kernelOrder)
              + ": libbpf refuses to open it";
      for (Program p : programs) {
        cells.add(Cell.fail(k, object, p.name(), reason));
      }
      return cells;
    }

    Relocator relocator =
        new Relocator(local, new Targets(kernel.target(), List.of(), kernelOrder));
    Code patched = code;
    List<Issue> issues = new ArrayList<>();
    for (BtfExtSection<CoreRelo> s : relos) {
      Integer sec = sectionIndex.get(s.name());
      byte[] original = sec == null ? null : code.insns(sec);
      if (sec == null || original == null) {
        throw new RelocationException(
            io.github.core4j.reloc.ErrorCode.EINVAL,
            elf.source()
                + ": .BTF.ext has CO-RE records for section '"
                + s.name()
                + "', which has no code");
      }
      byte[] insns = original.clone();
      for (int i = 0; i < s.records().size(); i++) {
        CoreRelo rec = s.records().get(i);
        RelocationResult res = relocator.relocate(rec);
        int insn = rec.insnIndex();
        if (!res.succeeded()) {
          issues.add(
              new Issue(
                  sec,
                  insn,
                  i,
                  res,
                  res.failure().map(Throwable::getMessage).orElse("failed"),
                  false));
          continue;
        }
        try {
          Patch p = InsnPatcher.patch(insns, insn, elf.byteOrder(), res.values().orElseThrow());
          if (p.form() == Patch.Form.POISON) {
            issues.add(
                new Issue(
                    sec,
                    insn,
                    i,
                    res,
                    res.poisoned()
                        ? "no match on this kernel"
                        : "the field changed size in a way the load can't follow",
                    true));
          }
        } catch (RelocationException e) {
          issues.add(new Issue(sec, insn, i, res, "cannot patch: " + e.getMessage(), false));
        }
      }
      patched = patched.with(sec, insns);
    }
    if (issues.isEmpty()) {
      return allOk(k);
    }
    List<Cell> cells = new ArrayList<>(programs.size());
    for (Program p : programs) {
      List<String> reasons = reasons(p, issues, patched);
      cells.add(
          reasons.isEmpty()
              ? Cell.ok(k, object, p.name())
              : Cell.fail(k, object, p.name(), join(reasons)));
    }
    return cells;
  }

  /** Why program {@code p} would not load, given the issues of the object's relocations. */
  private List<String> reasons(Program p, List<Issue> issues, Code patched) {
    List<String> reasons = new ArrayList<>();
    Reachability.Reached folded = null;
    Reachability.Reached flow = null;
    for (Issue issue : issues) {
      boolean own = issue.section() == p.section() && p.contains(issue.insn());
      boolean elsewhere = !own && !isProgramSection(issue.section());
      if (!own && !elsewhere) {
        continue; // another program's code
      }
      String where = own ? "its" : "subprogram";
      int start = own ? p.firstInsn() : 0;
      if (issue.poison()) {
        if (folded == null) {
          folded = Reachability.analyze(patched, p.section(), p.firstInsn());
        }
        if (folded.contains(issue.section(), issue.insn())) {
          reasons.add(issue.reason(own ? "its" : "section " + sectionName(issue.section()), start));
        }
      } else if (own) {
        reasons.add(issue.reason(where, start));
      } else {
        if (flow == null) {
          flow = Reachability.controlFlow(patched, p.section(), p.firstInsn());
        }
        if (flow.contains(issue.section(), issue.insn())) {
          reasons.add(
              "in section " + sectionName(issue.section()) + ": " + issue.reason(where, start));
        }
      }
    }
    return reasons;
  }

  private boolean isProgramSection(int section) {
    for (Program p : programs) {
      if (p.section() == section) {
        return true;
      }
    }
    return false;
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
