package io.github.core4j.maven;

import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramCoreRelo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The C source line ({@code file:line}, from the object's line info) of each CO-RE relocation of an
 * object, so a failed check can point at the line that needs a guard: the nearest line record at or
 * before the relocated instruction, skipping line-0 records.
 */
public final class RelocationSources {
  /** {@code relo #N}, optionally after {@code in section NAME:} (a subprogram's relocation). */
  private static final Pattern RELO = Pattern.compile("(?:in section (\\S+): )?relo #(\\d+)");

  private final BpfObject object;
  private final Map<String, String> lines = new HashMap<>();

  /** The source lines of every relocation of {@code object}. */
  public RelocationSources(BpfObject object) {
    this.object = object;
    List<Program> all = new ArrayList<>(object.programs());
    all.addAll(object.subprograms());
    for (Program p : all) {
      for (ProgramCoreRelo r : p.coreRelos()) {
        String line = line(p, r.insnIndex());
        if (line != null) {
          lines.put(p.sectionName() + "#" + r.index(), line);
        }
      }
    }
  }

  /** The source line of relocation {@code relo} (libbpf's {@code relo #N}) of {@code section}. */
  public Optional<String> line(String section, int relo) {
    return Optional.ofNullable(lines.get(section + "#" + relo));
  }

  /**
   * The source lines of the relocations a check {@code reason} names for {@code program}, in the
   * order named, without repeats.
   */
  public List<String> linesOf(String program, String reason) {
    Optional<Program> p = object.program(program);
    Set<String> out = new LinkedHashSet<>();
    Matcher m = RELO.matcher(reason);
    while (m.find()) {
      String section = m.group(1);
      if (section == null) {
        if (p.isEmpty()) {
          continue;
        }
        section = p.get().sectionName();
      }
      line(section, Integer.parseInt(m.group(2))).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  private static @Nullable String line(Program p, int insnIndex) {
    int byteOff = insnIndex * 8;
    LineInfo best = null;
    for (LineInfo li : p.lineInfo()) {
      if (li.line() != 0
          && li.insnOff() <= byteOff
          && (best == null || li.insnOff() >= best.insnOff())) {
        best = li;
      }
    }
    return best == null ? null : best.fileName() + ":" + best.line();
  }
}
