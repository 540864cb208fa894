package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.reloc.AccessSpec;
import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.elf.ElfObjectCheck;
import io.github.core4j.reloc.matrix.elf.ObjectRelocation;
import io.github.core4j.reloc.matrix.elf.RelocatedRecord;
import java.nio.file.Path;
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
 * in section order), with what libbpf would patch, then whether each program loads. With {@code
 * --out}, the object is written back with its instructions patched and its CO-RE records dropped.
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
          + " call ('poisoned, guarded' when no program can reach it: a guard such as"
          + " bpf_core_field_exists() the kernel makes false), and the source line (file:line)"
          + " from line info. Then one line per program: 'program NAME: loads' or"
          + " 'program NAME: FAILS: reason'.",
      "",
      "Exit status: 0 when every program loads as far as relocation decides it (poisoned"
          + " instructions in dead code included); 1 when a relocation fails outright or its"
          + " instruction can't be patched (libbpf refuses the object), or a poisoned instruction"
          + " is reachable (the verifier rejects that program); 2 on bad input."
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
          "One JSON object per relocation: program, section, relo, insn, kind, local, target,"
              + " old, new (unsigned, as libbpf prints them), poisoned, guarded, source (and error"
              + " when it fails); then one per program: program, section, ok, reason.")
  boolean json;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Also write the relocated object: a copy of OBJ whose instructions are patched and whose"
              + " .BTF.ext holds no CO-RE records any more, so that libbpf (bpftool prog load)"
              + " loads it without relocating again.")
  @Nullable Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    InputFiles.requireReadable(file);
    InputFiles.requireReadable(target);
    BpfObject obj = BpfObject.open(file);
    if (obj.btf().isEmpty()) {
      throw new IllegalArgumentException(file + ": the object has no .BTF");
    }
    Btf targetBtf = InputFiles.readBtf(target, null);
    Path name = target.getFileName();
    Kernel kernel =
        new Kernel(
            name == null ? target.toString() : name.toString(), target.toString(), targetBtf);
    ElfObjectCheck check = ElfObjectCheck.of(obj, String.valueOf(file.getFileName()));
    ObjectRelocation relocation = check.relocate(kernel);

    try (StdOut stdout = new StdOut(Core4j.of(spec).stdout())) {
      for (RelocatedRecord r : relocation.records()) {
        stdout.append(json ? json(r) : text(r)).append('\n');
      }
      for (int i = 0; i < relocation.cells().size(); i++) {
        Cell c = relocation.cells().get(i);
        String section = check.programRanges().get(i).sectionName();
        stdout.append(json ? json(c, section) : text(c)).append('\n');
      }
    }
    Path outFile = out;
    if (outFile != null) {
      RelocatedObjectWriter.write(file, obj, relocation, outFile);
    }
    return relocation.loads() ? 0 : 1;
  }

  private static String kind(RelocatedRecord r) {
    return r.result().kind().shortName();
  }

  private static String localSpec(RelocatedRecord r) {
    CoreRelo relo = r.record().relo();
    return r.result()
        .localSpec()
        .map(AccessSpec::describe)
        .orElse(
            "type " + Integer.toUnsignedString(relo.typeId()) + " + '" + relo.accessStr() + "'");
  }

  private static @Nullable String targetSpec(RelocatedRecord r) {
    return r.result().targetSpec().map(AccessSpec::describe).orElse(null);
  }

  /**
   * The nearest line info record at or before the instruction ({@code file:line}), skipping the
   * line-0 records compilers emit for code with no source line.
   */
  private static @Nullable String source(RelocatedRecord r) {
    int insnByteOff = r.record().insnIndex() * 8;
    LineInfo best = null;
    for (LineInfo li : r.program().lineInfo()) {
      if (li.line() != 0
          && li.insnOff() <= insnByteOff
          && (best == null || li.insnOff() >= best.insnOff())) {
        best = li;
      }
    }
    return best == null ? null : best.fileName() + ":" + best.line();
  }

  private static String text(RelocatedRecord r) {
    StringBuilder b = new StringBuilder();
    b.append(r.program().name())
        .append(" relo #")
        .append(r.record().index())
        .append(" insn #")
        .append(r.record().sectionInsnIndex())
        .append(' ')
        .append(kind(r))
        .append(' ')
        .append(localSpec(r))
        .append(" => ");
    String t = targetSpec(r);
    b.append(t == null ? "<none>" : t);
    String err = r.error();
    if (err != null) {
      b.append(": FAILED: ").append(err);
    } else {
      b.append(": ")
          .append(Long.toUnsignedString(r.result().oldValue()))
          .append(" -> ")
          .append(Long.toUnsignedString(r.result().newValue()));
      if (r.poisoned()) {
        b.append(r.guarded() ? " poisoned, guarded" : " poisoned");
      }
    }
    String src = source(r);
    if (src != null) {
      b.append(" (").append(src).append(')');
    }
    return b.toString();
  }

  private static String text(Cell c) {
    String reason = c.reason();
    return "program " + c.program() + (reason == null ? ": loads" : ": FAILS: " + reason);
  }

  private static String json(RelocatedRecord r) {
    Json j = new Json().beginObject();
    j.field("program", r.program().name())
        .field("section", r.program().sectionName())
        .field("relo", r.record().index())
        .field("insn", r.record().sectionInsnIndex())
        .field("kind", kind(r))
        .field("local", localSpec(r))
        .nullableField("target", targetSpec(r));
    j.name("old").unsignedValue(r.result().oldValue());
    j.name("new").unsignedValue(r.result().newValue());
    j.field("poisoned", r.poisoned());
    j.field("guarded", r.guarded());
    j.nullableField("source", source(r));
    String err = r.error();
    if (err != null) {
      j.field("error", err);
    }
    return j.endObject().toString();
  }

  private static String json(Cell c, String section) {
    Json j = new Json().beginObject();
    j.field("program", c.program()).field("section", section).field("ok", c.ok());
    j.nullableField("reason", c.reason());
    return j.endObject().toString();
  }
}
