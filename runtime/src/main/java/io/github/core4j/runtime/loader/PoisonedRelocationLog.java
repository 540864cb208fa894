package io.github.core4j.runtime.loader;

import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.object.Program;
import io.github.core4j.reloc.AccessSpec;
import io.github.core4j.reloc.patch.InsnPatcher;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Explains a verifier rejection of a poisoned CO-RE instruction, as libbpf's {@code
 * fixup_log_failed_core_relo} does: the log's {@code call unknown#195896080} and {@code invalid
 * func} lines become {@code <invalid CO-RE relocation>} and {@code failed to resolve CO-RE
 * relocation <spec>}, and the error message names the field, the source line and the kernel.
 */
final class PoisonedRelocationLog {
  private static final String POISON = "unknown#" + InsnPatcher.POISON_IMM;
  private static final Pattern CALL =
      Pattern.compile(
          "(?m)^(\\d+): \\(85\\) call " + POISON + "\\n(invalid func " + POISON + "\\n)?");

  /** A rejected poisoned instruction, explained. */
  record Explained(String message, String log) {}

  private PoisonedRelocationLog() {}

  /** The explanation when {@code log} rejects a poisoned instruction of {@code linked}. */
  static Optional<Explained> explain(LinkedProgram linked, @Nullable String log, String kernel) {
    if (log == null) {
      return Optional.empty();
    }
    Matcher m = CALL.matcher(log);
    if (!m.find()) {
      return Optional.empty();
    }
    int insn = Integer.parseInt(m.group(1));
    CoreRelocationStep.Poison poison = linked.poisons().get(insn);
    if (poison == null) {
      return Optional.empty();
    }
    Optional<AccessSpec> spec = poison.result().localSpec();
    String libbpfSpec =
        spec.map(AccessSpec::format).orElse("type id " + poison.record().relo().typeId());
    String patched =
        insn
            + ": <invalid CO-RE relocation>\nfailed to resolve CO-RE relocation "
            + libbpfSpec
            + "\n";
    String newLog = log.substring(0, m.start()) + patched + log.substring(m.end());
    StringBuilder message = new StringBuilder("failed to resolve CO-RE relocation ");
    message.append(libbpfSpec);
    String source = source(poison.program(), poison.record().insnIndex());
    if (source != null) {
      message.append(" at ").append(source);
    }
    spec.ifPresent(
        s ->
            message
                .append(": ")
                .append(essential(s.fieldPath()))
                .append(" does not exist on kernel ")
                .append(kernel));
    if (spec.isEmpty()) {
      message.append(" on kernel ").append(kernel);
    }
    return Optional.of(new Explained(message.toString(), newLog));
  }

  /** {@code task_struct___core4j.core4j_cookie} without the {@code ___flavor} suffixes. */
  static String essential(String path) {
    return path.replaceAll("___[A-Za-z0-9_]*?(?=\\.|$|\\[)", "");
  }

  /** The nearest line info at or before the instruction ({@code file:line}), skipping line 0. */
  static @Nullable String source(Program p, int insnIndex) {
    LineInfo best = null;
    for (LineInfo li : p.lineInfo()) {
      if (li.line() != 0
          && li.insnIndex() <= insnIndex
          && (best == null || li.insnIndex() >= best.insnIndex())) {
        best = li;
      }
    }
    if (best == null) {
      return null;
    }
    String file = best.fileName();
    int slash = file.lastIndexOf('/');
    return (slash >= 0 ? file.substring(slash + 1) : file) + ":" + best.line();
  }
}
