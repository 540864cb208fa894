package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.feature.KernelRelease;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The object BTF sanitized for an older kernel is still BTF the running kernel accepts: every
 * rewrite keeps a valid type graph (kinds, sizes, names), so {@code BPF_BTF_LOAD} succeeds. (Not
 * for kernels before 4.20: there FUNC_PROTO becomes an ENUM whose unnamed "members" only those old
 * kernels accept, as with libbpf.)
 */
@ExtendWith(NoFdLeaks.class)
class SanitizedBtfLoadTest {
  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  @ParameterizedTest(name = "{0} as for Linux {1}")
  @CsvSource({
    "globals, 5.1",
    "globals, 5.5",
    "ksyms, 5.1",
    "ringbuf_events, 5.12",
    "subprogs, 5.15",
    "core_reads, 5.16",
    "struct_ops, 5.5"
  })
  void sanitizedBtfLoads(String name, String version) {
    BpfObject obj = BpfObject.open(TestObjects.object(name));
    KernelBtfFeatures old = KernelBtfFeatures.of(KernelRelease.parse(version));
    try (Closer closer = new Closer()) {
      ObjectBtfLoad.Result r = ObjectBtfLoad.load(obj, old, Map.of(), closer);
      assertNotNull(r.btf(), "the kernel accepted the sanitized BTF");
      assertEquals(old.func(), r.funcInfo());
    }
  }
}
