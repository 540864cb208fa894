package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.MapDefinition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Explains a verifier rejection of a poisoned load of a map that was not created, as libbpf's
 * {@code fixup_log_missing_map_load} does: the {@code call unknown#2001000NNN} line becomes {@code
 * <invalid BPF map reference>} and {@code BPF map 'NAME' is referenced but wasn't created}.
 */
final class MissingMapLog {
  private static final Pattern CALL =
      Pattern.compile("(?m)^(\\d+): \\(85\\) call unknown#(\\d+)\\n(invalid func unknown#\\2\\n)?");

  private MissingMapLog() {}

  static Optional<PoisonedRelocationLog.Explained> explain(BpfObject obj, @Nullable String log) {
    if (log == null) {
      return Optional.empty();
    }
    Matcher m = CALL.matcher(log);
    while (m.find()) {
      long imm = Long.parseLong(m.group(2));
      long index = imm - ImmFixups.MAP_POISON_BASE;
      List<MapDefinition> maps = obj.maps();
      if (index < 0 || index >= maps.size()) {
        continue;
      }
      String name = maps.get((int) index).name();
      String sentence = "BPF map '" + name + "' is referenced but wasn't created";
      String patched = m.group(1) + ": <invalid BPF map reference>\n" + sentence + "\n";
      return Optional.of(
          new PoisonedRelocationLog.Explained(
              sentence, log.substring(0, m.start()) + patched + log.substring(m.end())));
    }
    return Optional.empty();
  }
}
