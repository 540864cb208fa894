package io.github.core4j.reloc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libbpf's answer for one relocation as {@code testdata/reloc/oracle/relo_calc} printed it: the log
 * lines of {@code bpf_core_calc_relo_insn} and the {@code struct bpf_core_relo_res} it filled.
 */
record CalcAnswer(
    String label,
    String localSpec,
    List<LibbpfAnswer.Candidate> candidates,
    List<String> warnings,
    int err,
    long oldValue,
    long newValue,
    boolean poison,
    boolean validate,
    boolean failMemSizeAdjust,
    int oldSize,
    int newSize,
    boolean crashed) {

  private static final Pattern RELO = Pattern.compile("prog '[^']*': relo #\\d+: (.*)");
  private static final Pattern CAND =
      Pattern.compile("(non-matching|matching) candidate #(\\d+) (.*)");

  /** The first matching candidate's spec, or "-". */
  String targetSpec() {
    for (LibbpfAnswer.Candidate c : candidates) {
      if (c.matching()) {
        return c.spec();
      }
    }
    return "-";
  }

  /** Answers by label, in file order. */
  static Map<String, CalcAnswer> read(Path file) {
    try {
      Map<String, CalcAnswer> out = new LinkedHashMap<>();
      Map<String, List<String>> logs = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("log")) {
          logs.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
        } else if (f[0].equals("res")) {
          out.put(f[1], answer(f, logs.getOrDefault(f[1], List.of())));
        } else if (f[0].equals("crash")) {
          out.put(
              f[1],
              new CalcAnswer(
                  f[1],
                  null,
                  List.of(),
                  List.of("signal " + f[2]),
                  0,
                  0,
                  0,
                  false,
                  false,
                  false,
                  0,
                  0,
                  true));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CalcAnswer answer(String[] f, List<String> log) {
    String local = null;
    List<LibbpfAnswer.Candidate> cands = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String line : log) {
      Matcher m = RELO.matcher(line);
      if (!m.matches()) {
        warnings.add(line);
        continue;
      }
      String rest = m.group(1);
      Matcher c = CAND.matcher(rest);
      if (c.matches()) {
        cands.add(
            new LibbpfAnswer.Candidate(
                Integer.parseInt(c.group(2)), c.group(1).equals("matching"), c.group(3)));
      } else if (rest.startsWith("<") && local == null) {
        local = rest;
      } else if (!rest.equals("no matching targets found")) {
        warnings.add(rest);
      }
    }
    return new CalcAnswer(
        f[1],
        local,
        cands,
        warnings,
        Integer.parseInt(f[2]),
        Long.parseUnsignedLong(f[3]),
        Long.parseUnsignedLong(f[4]),
        f[5].equals("1"),
        f[6].equals("1"),
        f[7].equals("1"),
        Integer.parseInt(f[8]),
        Integer.parseInt(f[9]),
        false);
  }

  /** Every way {@code ours} differs from this answer, as readable lines. */
  List<String> differences(RelocationResult ours) {
    List<String> p = new ArrayList<>();
    if (crashed) {
      p.add("libbpf crashed (" + warnings + "); core4j: " + ours);
      return p;
    }
    String ourLocal = ours.localSpec().map(s -> LibbpfAnswer.truncated(s.format())).orElse(null);
    if (localSpec != null && !localSpec.equals(ourLocal)) {
      p.add("local spec: libbpf '" + localSpec + "', core4j '" + ourLocal + "'");
    }
    List<CandidateAttempt> tried = ours.candidates();
    if (tried.size() != candidates.size()) {
      p.add("libbpf tried " + candidates.size() + " candidates, core4j " + tried.size());
    } else {
      for (int i = 0; i < tried.size(); i++) {
        LibbpfAnswer.Candidate want = candidates.get(i);
        CandidateAttempt got = tried.get(i);
        String spec = LibbpfAnswer.truncated(got.spec().format());
        if (want.index() != got.index()
            || want.matching() != got.matched()
            || !want.spec().equals(spec)) {
          p.add("candidate: libbpf " + want + ", core4j " + got.matched() + " " + spec);
        }
      }
    }
    if (err != 0) {
      if (ours.succeeded()) {
        p.add("libbpf fails with " + err + " (" + warnings + "), core4j succeeds: " + ours);
      } else if (ours.failure().get().code().errno() != -err) {
        p.add("libbpf fails with " + err + ", core4j with " + ours.failure().get().code());
      }
      return p;
    }
    if (!ours.succeeded()) {
      p.add("libbpf succeeds, core4j fails: " + ours.failure().get().getMessage());
      return p;
    }
    RelocationValues v = ours.values().orElseThrow();
    RelocationValues want =
        new RelocationValues(
            oldValue,
            newValue,
            poison,
            validate,
            failMemSizeAdjust,
            oldSize,
            newSize,
            v.oldTypeId(),
            v.newTypeId());
    if (!want.equals(v)) {
      p.add("values: libbpf " + want + ", core4j " + v);
    }
    String ourTarget = ours.targetSpec().map(s -> LibbpfAnswer.truncated(s.format())).orElse("-");
    if (!targetSpec().equals(ourTarget)) {
      p.add("target spec: libbpf '" + targetSpec() + "', core4j '" + ourTarget + "'");
    }
    return p;
  }
}
