package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * struct_ops.bpf.c's TCP congestion control through the loader: the map is created with the
 * kernel's value type, the four programs load against tcp_congestion_ops members, and registering
 * the map makes {@code core4j_reno} an available congestion control until it is closed.
 */
@ExtendWith(NoFdLeaks.class)
class StructOpsTest {
  static final Path AVAILABLE = Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control");

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  @Test
  void congestionControlRegistersAndUnregisters() throws Exception {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("struct_ops")).load()) {
      assertEquals(MapType.STRUCT_OPS, o.map("core4j_reno").type());
      assertEquals(4, o.programs().size());
      if (!Files.isReadable(AVAILABLE)) {
        Kernel.kernelLacks(AVAILABLE + " (no TCP congestion control sysctl)");
      }
      try (StructOpsRegistration r = o.attachStructOps("core4j_reno")) {
        assertEquals(o.map("core4j_reno"), r.map());
        assertTrue(
            Files.readString(AVAILABLE).contains("core4j_reno"), Files.readString(AVAILABLE));
      }
      assertFalse(Files.readString(AVAILABLE).contains("core4j_reno"), "unregistered on close");
    }
  }
}
