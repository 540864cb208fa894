package io.github.core4j.elf.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.elf.ElfTestdata;
import io.github.core4j.elf.MappedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input: Debian's {@code linux-image-6.1.0-50-amd64} package, fetched into {@code
 * testdata/elf/cache/} by {@code testdata/elf/fetch-kernel-deb.sh} (skipped when absent). Oracle:
 * the same kernel's BTF as committed in {@code testdata/btf/kernels/6.1.0-50-amd64.btf.xz} (copied
 * from /sys/kernel/btf/vmlinux of that kernel). Ours: BTF read straight from the .deb, and from the
 * bzImage inside it (xz payload with the x86 BCJ filter).
 */
class KernelDebTest {
  @TempDir Path tmp;

  /**
   * Skips locally without the package; under CI (which runs the fetch script) its absence fails.
   */
  static void requireDeb(Path deb) {
    if (deb == null && "true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail(
          "testdata/elf/cache has no linux-image .deb: .ci/run must run testdata/elf/fetch-kernel-deb.sh");
    }
    assumeTrue(deb != null, "run testdata/elf/fetch-kernel-deb.sh to fetch the package");
  }

  static Path deb() throws IOException {
    return deb("linux-image-6.1.0-50-amd64_");
  }

  static Path deb(String prefix) throws IOException {
    Path cache = ElfTestdata.elf().resolve("cache");
    if (!Files.isDirectory(cache)) {
      return null;
    }
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith(".deb"))
          .findFirst()
          .orElse(null);
    }
  }

  static void assertSameBtf(Btf expected, Btf actual) {
    assertEquals(expected.typeCount(), actual.typeCount());
    assertEquals(expected.header(), actual.header());
    assertEquals(expected.stringSection(), actual.stringSection());
    for (int id = 1; id < expected.typeCount(); id++) {
      assertEquals(expected.type(id), actual.type(id), "type " + id);
    }
  }

  @Test
  void btfFromTheDebEqualsTheKernelsBtf() throws IOException {
    Path deb = deb();
    requireDeb(deb);
    Btf expected = BtfFiles.read(ElfTestdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    assertSameBtf(expected, KernelBtf.read(deb));
  }

  @Test
  void btfFromTheVmlinuzInsideTheDebEqualsTheKernelsBtf() throws IOException {
    Path deb = deb();
    requireDeb(deb);
    DebPackage.Entry vmlinuz = DebPackage.kernelImage(MappedFiles.map(deb), deb.toString());
    assertEquals("boot/vmlinuz-6.1.0-50-amd64", vmlinuz.name());
    Path file = tmp.resolve("vmlinuz-6.1.0-50-amd64");
    Files.write(file, bytes(vmlinuz.data()));
    assertEquals(KernelImageFormat.BZIMAGE, KernelImageFormat.detect(MappedFiles.map(file)));
    assertEquals(
        PayloadCompression.XZ, BzImage.payload(MappedFiles.map(file), "vmlinuz").compression());
    Btf expected = BtfFiles.read(ElfTestdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    assertSameBtf(expected, KernelBtf.read(file));
  }

  @Test
  void vmlinuxElfIsReadThroughAMapping() throws IOException {
    Path deb = deb();
    requireDeb(deb);
    DebPackage.Entry vmlinuz = DebPackage.kernelImage(MappedFiles.map(deb), deb.toString());
    BzImage.Payload p = BzImage.payload(vmlinuz.data(), "vmlinuz");
    byte[] vmlinux = Inflater.inflate(p.compression(), p.data(), "vmlinuz", p.decompressedSize());
    assertEquals(p.decompressedSize(), vmlinux.length);
    Path file = tmp.resolve("vmlinux-6.1.0-50-amd64");
    Files.write(file, vmlinux);
    vmlinux = null;
    io.github.core4j.elf.ElfFile elf = io.github.core4j.elf.ElfFile.open(file);
    assertEquals(io.github.core4j.elf.ElfMachine.X86_64, elf.header().elfMachine());
    assertEquals(io.github.core4j.elf.ElfType.EXEC, elf.header().elfType());
    assertEquals(39, elf.sections().size());
    assertEquals(java.util.Optional.empty(), elf.symbolTable());
    Btf expected = BtfFiles.read(ElfTestdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    assertSameBtf(expected, KernelBtf.read(file));
  }

  /**
   * Debian's signed arm64 package ships {@code vmlinuz} as an uncompressed arm64 Image (a PE stub
   * in front, the signature behind, no ELF headers). Oracle: {@code
   * testdata/elf/expected/linux-image-6.1.0-50-arm64.btf.txt}, bpftool's raw dump of the BTF an
   * independent Python scan ({@code arm64-btf-oracle.py}) found in the same file.
   */
  @Test
  void btfFromTheSignedArm64DebMatchesBpftoolsDumpOfItsImage() throws Exception {
    Path deb = deb("linux-image-6.1.0-50-arm64_");
    requireDeb(deb);
    java.util.Map<String, String> expected = new java.util.HashMap<>();
    for (String line :
        Files.readAllLines(
            ElfTestdata.elf().resolve("expected/linux-image-6.1.0-50-arm64.btf.txt"))) {
      if (!line.startsWith("#")) {
        String[] kv = line.split(" ", 2);
        expected.put(kv[0], kv[1]);
      }
    }
    DebPackage.Entry vmlinuz = DebPackage.kernelImage(MappedFiles.map(deb), deb.toString());
    assertEquals("boot/vmlinuz-6.1.0-50-arm64", vmlinuz.name());
    assertEquals(KernelImageFormat.ARM64_IMAGE, KernelImageFormat.detect(vmlinuz.data()));
    java.nio.ByteBuffer raw = Arm64Image.btf(vmlinuz.data(), "vmlinuz");
    assertEquals(Long.parseLong(expected.get("bytes")), raw.remaining());

    Btf btf = KernelBtf.read(deb);
    assertEquals(Integer.parseInt(expected.get("types")), btf.typeCount() - 1);
    StringBuilder dump = new StringBuilder();
    io.github.core4j.btf.dump.RawDump.write(btf, dump);
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(dump.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(expected.get("dump-sha256"), java.util.HexFormat.of().formatHex(digest));
    assertTrue(btf.findByName("task_struct", io.github.core4j.btf.BtfKind.STRUCT).isPresent());
  }

  private static byte[] bytes(java.nio.ByteBuffer data) {
    byte[] out = new byte[data.remaining()];
    data.duplicate().get(out);
    return out;
  }
}
