package io.github.core4j.elf.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.Btf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code readKernelBtf} fuzz target's seeds for every wrapper a kernel's BTF comes in: bzImages
 * with each compression, an EFI zboot image, a headerless image, a {@code linux-image} {@code
 * .deb}, all around the same small ELF with {@code .BTF} (the {@code elf_with_btf} seed). Without
 * them the fuzzer would first have to guess each format's magic. Every seed reads to that ELF's
 * BTF. {@code mvn -pl core-elf test -Dtest=KernelImageSeedsTest -Dcore4j.writeSeeds=true} writes
 * them again (archive timestamps make the bytes differ from run to run).
 */
class KernelImageSeedsTest {
  private static final Path SEEDS =
      Path.of("src/test/resources/io/github/core4j/elf/ElfFuzzTestInputs/readKernelBtf");

  private static Map<String, byte[]> seeds(byte[] elf) throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (PayloadCompression c : PayloadCompression.values()) {
      seeds.put(
          "bzimage_" + c.name().toLowerCase(java.util.Locale.ROOT),
          Compressors.bzImage(Compressors.compress(c, elf), elf.length));
    }
    byte[] zstd = Compressors.compress(PayloadCompression.ZSTD, elf);
    ByteBuffer zboot = ByteBuffer.allocate(256 + zstd.length).order(ByteOrder.LITTLE_ENDIAN);
    zboot.put(0, (byte) 'M').put(1, (byte) 'Z');
    zboot.put(4, (byte) 'z').put(5, (byte) 'i').put(6, (byte) 'm').put(7, (byte) 'g');
    zboot.putInt(8, 256).putInt(12, zstd.length);
    zboot.put(24, "zstd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    zboot.put(256, zstd);
    seeds.put("zboot_zstd", zboot.array());
    byte[] headerless = new byte[512 + zstd.length];
    headerless[0] = 'M';
    headerless[1] = 'Z';
    System.arraycopy(zstd, 0, headerless, 512, zstd.length);
    seeds.put("headerless_zstd", headerless);
    seeds.put(
        "deb_bzimage_xz", Compressors.deb("boot/vmlinuz-6.1.0-seed", seeds.get("bzimage_xz")));
    return seeds;
  }

  private static byte[] elf() throws IOException {
    return Files.readAllBytes(SEEDS.resolve("elf_with_btf"));
  }

  @Test
  void everySeedReadsToTheElfsBtf() throws IOException {
    byte[] elf = elf();
    String expected = KernelBtfTest.dump(KernelBtf.read(ByteBuffer.wrap(elf), "elf", null));
    Map<String, byte[]> made = seeds(elf);
    if (Boolean.getBoolean("core4j.writeSeeds")) {
      for (Map.Entry<String, byte[]> e : made.entrySet()) {
        Files.write(SEEDS.resolve(e.getKey()), e.getValue());
      }
    }
    for (String name : made.keySet()) {
      Btf btf =
          KernelBtf.read(ByteBuffer.wrap(Files.readAllBytes(SEEDS.resolve(name))), name, null);
      assertEquals(expected, KernelBtfTest.dump(btf), name);
    }
  }
}
