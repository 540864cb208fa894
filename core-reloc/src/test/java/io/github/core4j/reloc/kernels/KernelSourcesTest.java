package io.github.core4j.reloc.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.reloc.matrix.MatrixTestdata;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Kernel sources hand out every kernel of files, directories, archives, BTFHub trees, Debian
 * packages and sysfs, one at a time, named as the contract says: the file name without {@code
 * .btf}, {@code .tar.xz} or {@code .btf.tar.xz}.
 */
class KernelSourcesTest {
  @TempDir Path tmp;

  /** A small distinct BTF: one int type named {@code name}. */
  static byte[] btf(String name) {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfInt(name, 4, 0, 0, 32));
    return b.toBytes(ByteOrder.LITTLE_ENDIAN);
  }

  static List<Kernel> all(KernelSource source) {
    List<Kernel> out = new ArrayList<>();
    source.forEach(out::add);
    return out;
  }

  static List<String> names(KernelSource source) {
    return all(source).stream().map(Kernel::name).toList();
  }

  /** Writes a tar (xz-compressed when {@code xz}, else gzip) of {@code entries}. */
  static Path tar(Path file, Map<String, byte[]> entries, boolean xz) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream z =
            xz ? new XZOutputStream(raw, new LZMA2Options()) : new GzipCompressorOutputStream(raw);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  @Test
  void kernelNamesDropBtfAndArchiveSuffixes() {
    assertEquals("5.4.0-1010-aws", KernelNames.of("5.4.0-1010-aws.btf.tar.xz"));
    assertEquals("5.4.0-1010-aws", KernelNames.of("5.4.0-1010-aws.btf"));
    assertEquals("5.4.0-1010-aws", KernelNames.of("5.4.0-1010-aws.tar.xz"));
    assertEquals("6.1.0-50-amd64", KernelNames.of("dir/6.1.0-50-amd64.btf.xz"));
    assertEquals("kernels", KernelNames.of("kernels.tar.gz"));
    assertEquals("kernels", KernelNames.of("kernels.tgz"));
    assertEquals("vmlinuz-6.1.0-50-amd64", KernelNames.of("vmlinuz-6.1.0-50-amd64"));
    assertEquals("6.1.0-50-amd64", KernelNames.ofImage("boot/vmlinuz-6.1.0-50-amd64"));
  }

  @Test
  void aBtfFileInAnyFormatIsOneKernel() {
    Path xz = MatrixTestdata.kernel("6.1.0-50-amd64");
    KernelSource source = KernelSources.of(xz);
    assertInstanceOf(BtfFileSource.class, source);
    List<Kernel> kernels = all(source);
    assertEquals(1, kernels.size());
    assertEquals("6.1.0-50-amd64", kernels.get(0).name());
    assertEquals(BtfFiles.read(xz).typeCount(), kernels.get(0).btf().typeCount());
  }

  @Test
  void directoriesAreWalkedRecursivelyInNameOrderSkippingOtherFiles() throws IOException {
    Files.createDirectories(tmp.resolve("b/sub"));
    Files.write(tmp.resolve("b/sub/k3.btf"), btf("three"));
    Files.write(tmp.resolve("k1.btf"), btf("one"));
    Files.write(tmp.resolve("b/k2.btf"), btf("two"));
    Files.writeString(tmp.resolve("README.md"), "not a kernel");
    KernelSource dir = KernelSources.of(tmp);
    assertEquals(3, dir.parts().size());
    assertEquals(3, dir.expectedKernels());
    assertEquals(List.of("k2", "k3", "k1"), names(dir));
    assertEquals("two", all(dir).get(0).btf().name(1));
  }

  @Test
  void aBtfHubTreeOfSingleKernelArchives() throws IOException {
    tar(
        tmp.resolve("ubuntu/20.04/x86_64/5.4.0-1010-aws.btf.tar.xz"),
        Map.of("5.4.0-1010-aws.btf", btf("aws")),
        true);
    tar(
        tmp.resolve("centos/8/x86_64/4.18.0-80.el8.x86_64.btf.tar.xz"),
        Map.of("4.18.0-80.el8.x86_64.btf", btf("centos")),
        true);
    KernelSource tree = KernelSources.of(tmp);
    assertEquals(2, tree.parts().size());
    List<Kernel> kernels = all(tree);
    assertEquals(
        List.of("4.18.0-80.el8.x86_64", "5.4.0-1010-aws"),
        kernels.stream().map(Kernel::name).toList());
    assertEquals("centos", kernels.get(0).btf().name(1));
    assertTrue(kernels.get(1).location().endsWith("5.4.0-1010-aws.btf.tar.xz:5.4.0-1010-aws.btf"));
  }

  @Test
  void anArchiveWithOneBtfIsNamedAfterTheArchive() throws IOException {
    Path file = tar(tmp.resolve("my-kernel.tar.gz"), Map.of("vmlinux.btf", btf("x")), false);
    assertEquals(List.of("my-kernel"), names(KernelSources.of(file)));
  }

  @Test
  void anArchiveOfManyIsStreamedOneKernelAtATimeInArchiveOrder() throws IOException {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    entries.put("kernels/", new byte[0]);
    entries.put("kernels/b.btf", btf("b"));
    entries.put("kernels/README", "skip me".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    entries.put("kernels/a.btf", btf("a"));
    entries.put("kernels/c.btf", btf("c"));
    Path file = tar(tmp.resolve("all.tar.xz"), entries, true);
    List<String> seen = new ArrayList<>();
    KernelSources.of(file)
        .forEach(
            k -> {
              seen.add(k.name() + "=" + k.btf().name(1));
            });
    assertEquals(List.of("b=b", "a=a", "c=c"), seen);
  }

  @Test
  void anArchiveWithoutBtfIsAnError() throws IOException {
    Path file =
        tar(
            tmp.resolve("empty.tar.xz"),
            Map.of("README", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            true);
    KernelSourceException e =
        assertThrows(KernelSourceException.class, () -> all(KernelSources.of(file)));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("no BTF"), e.getMessage());
  }

  @Test
  void aCorruptFileIsAnErrorNamingIt() throws IOException {
    Path bad = tmp.resolve("bad.btf");
    Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    KernelSourceException e =
        assertThrows(KernelSourceException.class, () -> all(KernelSources.of(bad)));
    assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
  }

  @Test
  void aMissingPathIsAnError() {
    KernelSourceException e =
        assertThrows(KernelSourceException.class, () -> KernelSources.of(tmp.resolve("nope.btf")));
    assertTrue(e.getMessage().endsWith("no such file or directory"), e.getMessage());
  }

  @Test
  void whatTheConsumerThrowsPassesThroughUnchanged() throws IOException {
    Path file = tar(tmp.resolve("k.tar.xz"), Map.of("a.btf", btf("a"), "b.btf", btf("b")), true);
    IllegalStateException thrown = new IllegalStateException("stop");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                KernelSources.of(file)
                    .forEach(
                        k -> {
                          throw thrown;
                        }));
    assertEquals(thrown, e);
  }

  @Test
  void aDebianPackageIsNamedAfterItsKernelRelease() throws IOException {
    Path deb = deb();
    if (deb == null && "true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail(
          "testdata/elf/cache has no linux-image .deb: .ci/run must run"
              + " testdata/elf/fetch-kernel-deb.sh");
    }
    assumeTrue(deb != null, "run testdata/elf/fetch-kernel-deb.sh to fetch the package");
    List<Kernel> kernels = all(KernelSources.of(deb));
    assertEquals(1, kernels.size());
    assertEquals("6.1.0-50-amd64", kernels.get(0).name());
    Btf expected = BtfFiles.read(MatrixTestdata.kernel("6.1.0-50-amd64"));
    assertEquals(expected.typeCount(), kernels.get(0).btf().typeCount());
    assertEquals(expected.stringSection(), kernels.get(0).btf().stringSection());
  }

  @Test
  void theRunningKernelIsNamedAfterItsRelease() {
    assumeTrue(Files.isReadable(SysfsSource.VMLINUX), "no /sys/kernel/btf/vmlinux");
    KernelSource s = KernelSources.of(SysfsSource.VMLINUX);
    assertInstanceOf(SysfsSource.class, s);
    List<Kernel> kernels = all(s);
    assertEquals(
        List.of(SysfsSource.runningRelease()), kernels.stream().map(Kernel::name).toList());
    assertTrue(kernels.get(0).btf().typeCount() > 1000);
  }

  @Test
  void partsOfSeveralPathsKeepTheirOrder() throws IOException {
    Files.write(tmp.resolve("z.btf"), btf("z"));
    Path d = Files.createDirectories(tmp.resolve("d"));
    Files.write(d.resolve("a.btf"), btf("a"));
    List<KernelSource> parts = KernelSources.parts(List.of(tmp.resolve("z.btf"), d));
    List<String> names = new ArrayList<>();
    for (KernelSource p : parts) {
      names.addAll(names(p));
    }
    assertEquals(List.of("z", "a"), names);
  }

  static Path deb() throws IOException {
    Path cache = MatrixTestdata.root().resolve("elf/cache");
    if (!Files.isDirectory(cache)) {
      return null;
    }
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith("linux-image-6.1.0-50-amd64_"))
          .filter(p -> p.getFileName().toString().endsWith(".deb"))
          .findFirst()
          .orElse(null);
    }
  }
}
