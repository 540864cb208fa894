package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramCoreRelo;
import io.github.core4j.reloc.AccessSpec;
import io.github.core4j.reloc.RelocationException;
import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.Relocator;
import io.github.core4j.reloc.Targets;
import io.github.core4j.reloc.patch.InsnPatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j reloc OBJ --target BTF [--json] [--out FILE]}: every CO-RE relocation of a BPF
 * object against a target kernel's BTF, in libbpf's order ({@code .BTF.ext} sections, then records
 * in section order), with what libbpf would patch. With {@code --out}, the object is written back
 * with its program instructions patched.
 */
@Command(
    name = "reloc",
    mixinStandardHelpOptions = true,
    description = {
      "Relocate a BPF object's CO-RE relocations against a target kernel's BTF, as libbpf does"
          + " when it loads the object, and print one line per relocation.",
      "",
      "Text lines: program, relo #N (libbpf's index within the section), insn #I (index within"
          + " the section's code), kind, local spec => target spec (<none> when no target"
          + " matched): old -> new, 'poisoned' when the instruction becomes libbpf's invalid"
          + " call, and the source line (file:line) from line info.",
      "",
      "Exit status: 0 when every relocation resolves (poisoned instructions included: libbpf"
          + " loads them, the verifier rejects them only if they are reachable); 1 when any"
          + " relocation fails or its instruction cannot be patched (libbpf would refuse the"
          + " object) -- for now every failure counts, guarded or not, since guard analysis is"
          + " not done yet; 2 on bad input."
    })
final class RelocCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "OBJ",
      description = "A BPF object (*.bpf.o), either byte order.")
  Path file;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "BTF",
      description =
          "The target kernel's BTF: raw or compressed BTF (/sys/kernel/btf/vmlinux, *.btf.xz),"
              + " or an ELF with .BTF.")
  Path target;

  @Option(
      names = "--json",
      description =
          "One JSON object per relocation: program, relo, insn, kind, local, target, old, new,"
              + " poisoned, source (and error when it fails).")
  boolean json;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Also write the object with its program instructions patched (a copy of OBJ in which"
              + " only the relocated instructions differ).")
  @Nullable Path out;

  @Spec CommandSpec spec;

  /** One relocation of one program, with its outcome. */
  private record Line(
      Program program,
      ProgramCoreRelo record,
      RelocationResult result,
      @Nullable String patchError) {
    boolean failed() {
      return !result.succeeded() || patchError != null;
    }
  }

  @Override
  public Integer call() {
    InputFiles.requireReadable(file);
    InputFiles.requireReadable(target);
    BpfObject obj = BpfObject.open(file);
    Btf local =
        obj.btf()
            .orElseThrow(() -> new IllegalArgumentException(file + ": the object has no .BTF"));
    Btf targetBtf = InputFiles.readBtf(target, null);
    Relocator relocator =
        new Relocator(local, Targets.of(targetBtf).withByteOrder(obj.byteOrder()));

    // Records by (section name, index) -> program, over entry programs and subprograms.
    Map<String, Program> programByRecord = new HashMap<>();
    Map<String, ProgramCoreRelo> recordByKey = new HashMap<>();
    List<Program> all = new ArrayList<>(obj.programs());
    all.addAll(obj.subprograms());
    for (Program p : all) {
      for (ProgramCoreRelo r : p.coreRelos()) {
        String key = p.sectionIndex() + "#" + r.index();
        programByRecord.put(key, p);
        recordByKey.put(key, r);
      }
    }
    Map<String, Integer> sectionIndexByName = new HashMap<>();
    for (Program p : all) {
      sectionIndexByName.putIfAbsent(p.sectionName(), p.sectionIndex());
    }

    // Section code as it will be patched, by ELF section index.
    Map<Integer, byte[]> code = new LinkedHashMap<>();
    List<Line> lines = new ArrayList<>();
    if (obj.btfExt().isPresent()) {
      for (BtfExtSection<CoreRelo> s : obj.btfExt().get().coreRelos().sections()) {
        String name = s.name().startsWith("?") ? s.name().substring(1) : s.name();
        Integer sectionIndex = sectionIndexByName.get(name);
        if (sectionIndex == null) {
          continue; // no program there: libbpf skips such records
        }
        for (int i = 0; i < s.records().size(); i++) {
          String key = sectionIndex + "#" + i;
          Program p = programByRecord.get(key);
          ProgramCoreRelo r = recordByKey.get(key);
          if (p == null || r == null) {
            continue; // libbpf: belongs to an eliminated weak subprogram
          }
          RelocationResult result = relocator.relocate(r.relo());
          String patchError = null;
          if (result.succeeded()) {
            byte[] bytes = code.computeIfAbsent(sectionIndex, idx -> sectionCode(obj, idx));
            try {
              InsnPatcher.patch(
                  bytes, r.sectionInsnIndex(), obj.byteOrder(), result.values().orElseThrow());
            } catch (RelocationException e) {
              patchError = e.getMessage();
            }
          }
          lines.add(new Line(p, r, result, patchError));
        }
      }
    }

    boolean failed = false;
    try (StdOut stdout = new StdOut(Core4j.of(spec).stdout())) {
      for (Line l : lines) {
        failed |= l.failed();
        stdout.append(json ? json(l) : text(l)).append('\n');
      }
    }
    Path outFile = out;
    if (outFile != null) {
      write(obj, code, outFile);
    }
    return failed ? 1 : 0;
  }

  private byte[] sectionCode(BpfObject obj, int sectionIndex) {
    ByteBuffer data = obj.elf().data(obj.elf().section(sectionIndex));
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return bytes;
  }

  /** Copies OBJ to {@code outFile} and overwrites each patched section's instructions. */
  private void write(BpfObject obj, Map<Integer, byte[]> code, Path outFile) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      for (Map.Entry<Integer, byte[]> e : code.entrySet()) {
        ElfSection s = obj.elf().section(e.getKey());
        byte[] patched = e.getValue();
        System.arraycopy(patched, 0, bytes, Math.toIntExact(s.offset()), patched.length);
      }
      Path tmp = Files.createTempFile(outFile.toAbsolutePath().getParent(), ".core4j-", ".o");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(outFile + ": " + e.getMessage(), e);
    }
  }

  private static String kind(Line l) {
    return l.result().kind().shortName();
  }

  private static String localSpec(Line l) {
    CoreRelo relo = l.record().relo();
    return l.result()
        .localSpec()
        .map(AccessSpec::describe)
        .orElse(
            "type " + Integer.toUnsignedString(relo.typeId()) + " + '" + relo.accessStr() + "'");
  }

  private static @Nullable String targetSpec(Line l) {
    return l.result().targetSpec().map(AccessSpec::describe).orElse(null);
  }

  private static @Nullable String error(Line l) {
    if (l.result().failure().isPresent()) {
      return l.result().failure().get().getMessage();
    }
    return l.patchError();
  }

  /**
   * The nearest line info record at or before the instruction ({@code file:line}), skipping the
   * line-0 records compilers emit for code with no source line.
   */
  private static @Nullable String source(Line l) {
    int insnByteOff = l.record().insnIndex() * 8;
    LineInfo best = null;
    for (LineInfo li : l.program().lineInfo()) {
      if (li.line() != 0
          && li.insnOff() <= insnByteOff
          && (best == null || li.insnOff() >= best.insnOff())) {
        best = li;
      }
    }
    return best == null ? null : best.fileName() + ":" + best.line();
  }

  private static String text(Line l) {
    StringBuilder b = new StringBuilder();
    b.append(l.program().name())
        .append(" relo #")
        .append(l.record().index())
        .append(" insn #")
        .append(l.record().sectionInsnIndex())
        .append(' ')
        .append(kind(l))
        .append(' ')
        .append(localSpec(l))
        .append(" => ");
    String t = targetSpec(l);
    b.append(t == null ? "<none>" : t);
    String err = error(l);
    if (err != null) {
      b.append(": FAILED: ").append(err);
    } else {
      b.append(": ")
          .append(Long.toUnsignedString(l.result().oldValue()))
          .append(" -> ")
          .append(Long.toUnsignedString(l.result().newValue()));
      if (l.result().poisoned()) {
        b.append(" poisoned");
      }
    }
    String src = source(l);
    if (src != null) {
      b.append(" (").append(src).append(')');
    }
    return b.toString();
  }

  private static String json(Line l) {
    Json j = new Json().beginObject();
    j.field("program", l.program().name())
        .field("section", l.program().sectionName())
        .field("relo", l.record().index())
        .field("insn", l.record().sectionInsnIndex())
        .field("kind", kind(l))
        .field("local", localSpec(l))
        .nullableField("target", targetSpec(l));
    j.name("old").value(l.result().oldValue());
    j.name("new").value(l.result().newValue());
    j.field("poisoned", l.result().poisoned());
    j.nullableField("source", source(l));
    String err = error(l);
    if (err != null) {
      j.field("error", err);
    }
    return j.endObject().toString();
  }
}
