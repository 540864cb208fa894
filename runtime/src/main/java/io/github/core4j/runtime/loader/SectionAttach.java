package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.SectionFlag;
import io.github.core4j.runtime.link.KprobeAttach;
import io.github.core4j.runtime.link.Link;
import io.github.core4j.runtime.link.RawTracepointAttach;
import io.github.core4j.runtime.link.TracepointAttach;
import io.github.core4j.runtime.link.TracingAttach;
import io.github.core4j.runtime.prog.BpfProgram;
import java.util.Optional;

/**
 * Attaching a program by what its section names, as libbpf's auto-attach does: {@code
 * kprobe/FUNC[+OFF]}, {@code kretprobe/FUNC}, {@code tracepoint/CAT/NAME} ({@code tp/}), {@code
 * raw_tp/NAME} ({@code raw_tracepoint/}), and the BTF-targeted {@code tp_btf/}, {@code fentry/},
 * {@code fexit/}, {@code fmod_ret/}, {@code lsm/} (their target was fixed at load).
 */
final class SectionAttach {
  private SectionAttach() {}

  /** Whether the section names what to attach to, so {@link #attach} can do it. */
  static boolean canAttach(Program p) {
    return kind(p).isPresent();
  }

  static Link attach(Program p, BpfProgram prog) {
    String kind =
        kind(p)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        p.attachTarget().isPresent()
                            ? "program '"
                                + p.name()
                                + "' (section '"
                                + p.sectionName()
                                + "'): attaching this kind by its section is not supported;"
                                + " attach the loaded program explicitly"
                            : "program '"
                                + p.name()
                                + "' (section '"
                                + p.sectionName()
                                + "') has no target in its section name: attach it explicitly"
                                + " (attachXdp for XDP programs)"));
    String target = p.attachTarget().orElse("");
    switch (kind) {
      case "kprobe":
        {
          int plus = target.lastIndexOf('+');
          if (plus > 0) {
            return KprobeAttach.kprobe(
                prog, target.substring(0, plus), Long.decode(target.substring(plus + 1)));
          }
          return KprobeAttach.kprobe(prog, target, 0);
        }
      case "kretprobe":
        return KprobeAttach.kretprobe(prog, target);
      case "tracepoint":
        {
          int slash = target.indexOf('/');
          return TracepointAttach.attach(
              prog, target.substring(0, slash), target.substring(slash + 1));
        }
      case "raw_tp":
        return RawTracepointAttach.attach(prog, target);
      default:
        return TracingAttach.attach(prog);
    }
  }

  private static Optional<String> kind(Program p) {
    String s = p.sectionName();
    Optional<String> target = p.attachTarget();
    if (target.isEmpty() || target.get().isEmpty()) {
      return Optional.empty();
    }
    if (s.startsWith("kprobe/")) {
      return Optional.of("kprobe");
    }
    if (s.startsWith("kretprobe/")) {
      return Optional.of("kretprobe");
    }
    if ((s.startsWith("tracepoint/") || s.startsWith("tp/")) && target.get().indexOf('/') > 0) {
      return Optional.of("tracepoint");
    }
    if (s.startsWith("raw_tp/") || s.startsWith("raw_tracepoint/")) {
      return Optional.of("raw_tp");
    }
    if (p.sectionDef() != null
        && p.sectionDef().has(SectionFlag.ATTACH_BTF)
        && (s.startsWith("tp_btf/")
            || s.startsWith("fentry/")
            || s.startsWith("fexit/")
            || s.startsWith("fmod_ret/")
            || s.startsWith("lsm/")
            || s.startsWith("fentry.s/")
            || s.startsWith("fexit.s/")
            || s.startsWith("lsm.s/"))) {
      return Optional.of("tracing");
    }
    return Optional.empty();
  }
}
