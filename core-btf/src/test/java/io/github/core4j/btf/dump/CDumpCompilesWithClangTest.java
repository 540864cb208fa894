package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.Testdata;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our header is a working {@code vmlinux.h}: a BPF program that includes it and reads {@code
 * task_struct} and {@code sk_buff} fields compiles with {@code clang-16 -target bpf -Wall -Werror},
 * and clang agrees with BTF on the size of both structs.
 */
class CDumpCompilesWithClangTest {
  /**
   * The host's and the Debian kernels' BTF (little-endian copies; big-endian ones print the same).
   */
  static List<Testdata.BtfCase> kernels() {
    return Testdata.cHeaderCases().stream()
        .filter(c -> c.file().startsWith("kernels/") && !c.file().contains(".be."))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void bpfProgramCompilesAgainstOurHeader(Testdata.BtfCase c) {
    Btf btf = c.parse();
    String program =
        "#include \"vmlinux.h\"\n"
            + sizeAssert(btf, "task_struct")
            + sizeAssert(btf, "sk_buff")
            + "int pid_of(struct task_struct *t) { return t->pid + t->tgid; }\n"
            + "unsigned int len_of(struct sk_buff *skb) { return skb->len; }\n"
            + "int list_empty_of(struct list_head *h) { return h->next == h; }\n";
    Clang.Result r = Clang.compile(CDump.toString(btf, CDumpOptions.BPFTOOL), program);
    assertEquals(0, r.exit(), r.diagnostics());
    assertTrue(r.diagnostics().isBlank(), r.diagnostics());
  }

  static String sizeAssert(Btf btf, String struct) {
    int id = btf.findByName(struct, BtfKind.STRUCT).orElseThrow();
    int size = ((BtfComposite) btf.type(id)).size();
    return "_Static_assert(sizeof(struct "
        + struct
        + ") == "
        + size
        + ", \"clang's sizeof(struct "
        + struct
        + ") is BTF's\");\n";
  }
}
