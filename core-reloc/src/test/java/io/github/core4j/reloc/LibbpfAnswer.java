package io.github.core4j.reloc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What libbpf logged for one relocation (one {@code relo} line of an expected file produced by
 * {@code testdata/reloc/parse_log.py}, with its {@code cand} lines).
 */
record LibbpfAnswer(
    String section,
    int index,
    String program,
    String sectionInsn,
    String insn,
    String kind,
    String localSpec,
    String targetSpec,
    String outcome,
    String oldValue,
    String newValue,
    String detail,
    List<Candidate> candidates) {

  /** A {@code matching candidate #N} / {@code non-matching candidate #N} line. */
  record Candidate(int index, boolean matching, String spec) {}

  /** libbpf formats specs into a 256-byte buffer. */
  static String truncated(String spec) {
    return spec.length() > 255 ? spec.substring(0, 255) : spec;
  }

  boolean patched() {
    return outcome.equals("patched");
  }

  boolean poisoned() {
    return outcome.equals("poisoned");
  }

  boolean failed() {
    return outcome.equals("error");
  }

  /** Patched instruction poisoned by the patcher because a load can't change size. */
  boolean memSizePoisoned() {
    return poisoned() && detail.contains("memsz");
  }

  /** "errno -22" from the detail of a failed relocation. */
  int errno() {
    int at = detail.indexOf("errno -");
    return at < 0 ? 0 : Integer.parseInt(detail.substring(at + "errno -".length()).trim());
  }

  @Override
  public String toString() {
    return section + " relo #" + index + " (" + program + " insn " + insn + "): " + localSpec;
  }

  static List<LibbpfAnswer> read(Path file) {
    try {
      List<LibbpfAnswer> answers = new ArrayList<>();
      List<Candidate> cands = null;
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("relo")) {
          cands = new ArrayList<>();
          answers.add(
              new LibbpfAnswer(
                  f[1],
                  Integer.parseInt(f[2]),
                  f[3],
                  f[4],
                  f[5],
                  f[6],
                  f[7],
                  f[8],
                  f[9],
                  f[10],
                  f[11],
                  f[12],
                  cands));
        } else if (f[0].equals("cand")) {
          cands.add(new Candidate(Integer.parseInt(f[3]), f[4].equals("matching"), f[5]));
        }
      }
      return answers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
