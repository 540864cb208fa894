package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.KconfigExtern;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.feature.KernelRelease;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .kconfig map's bytes for globals.bpf.c's externs, from a kernel config and load options, as
 * libbpf fills them (no kernel needed).
 */
class KconfigDataTest {
  static final BpfObject GLOBALS = BpfObject.open(TestObjects.object("globals"));
  static final KernelRelease KERNEL = KernelRelease.parse("6.1.55-amd64");

  @TempDir Path temp;

  static ByteBuffer fill(Map<String, String> overrides, Map<String, String> config) {
    byte[] data = KconfigData.fill(GLOBALS, KERNEL, overrides, () -> Optional.of(config));
    return ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
  }

  static int offset(String name) {
    return ((KconfigExtern) GLOBALS.extern(name).orElseThrow()).offset();
  }

  @Test
  void valuesComeFromTheConfigAndTheKernelVersion() {
    ByteBuffer b =
        fill(
            Map.of(),
            Map.of(
                "CONFIG_HZ", "250",
                "CONFIG_BPF_LSM", "y",
                "CONFIG_NET_CLS_BPF", "m",
                "CONFIG_DEFAULT_HOSTNAME", "\"(none)\""));
    assertEquals((6 << 16) + (1 << 8) + 55, b.getInt(offset("LINUX_KERNEL_VERSION")));
    assertEquals(250, b.getInt(offset("CONFIG_HZ")));
    assertEquals(1, b.get(offset("CONFIG_BPF_LSM")));
    assertEquals(2, b.getInt(offset("CONFIG_NET_CLS_BPF")), "m is TRI_MODULE");
    byte[] host = new byte[7];
    b.get(offset("CONFIG_DEFAULT_HOSTNAME"), host);
    assertEquals("(none)\0", new String(host, StandardCharsets.UTF_8));
    assertEquals(0, b.get(offset("CONFIG_CORE4J_NO_SUCH_OPTION")), "weak, absent: 0");
  }

  @Test
  void optionsOverrideTheConfigAndHexNumbersParse() {
    ByteBuffer b = fill(Map.of("CONFIG_HZ", "0x3e8"), Map.of("CONFIG_HZ", "250"));
    assertEquals(1000, b.getInt(offset("CONFIG_HZ")));
  }

  @Test
  void badValuesAreRefusedWithTheExternsName() {
    BpfException e =
        assertThrows(BpfException.class, () -> fill(Map.of("CONFIG_BPF_LSM", "m"), Map.of()));
    assertTrue(
        e.getMessage().contains("'CONFIG_BPF_LSM': value 'm' implies tristate"), e.getMessage());
    e = assertThrows(BpfException.class, () -> fill(Map.of("CONFIG_HZ", "y"), Map.of()));
    assertTrue(e.getMessage().contains("'CONFIG_HZ'"), e.getMessage());
  }

  @Test
  void configFilesMayBeGzipped() throws IOException {
    Path plain = temp.resolve("config");
    Files.writeString(plain, "# comment\nCONFIG_HZ=300\n# CONFIG_FOO is not set\n");
    Path gz = temp.resolve("config.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("CONFIG_HZ=100\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(Map.of("CONFIG_HZ", "300"), KernelConfig.parse(plain));
    assertEquals(Map.of("CONFIG_HZ", "100"), KernelConfig.parse(gz));
    assertEquals(
        Optional.of(Map.of("CONFIG_HZ", "100")),
        KernelConfig.read(List.of(temp.resolve("missing"), gz)));
  }
}
