package io.github.core4j.btf.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.BtfFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * {@link BtfTree}: which files of a directory or archive are kernel BTFs, the mirrored paths they
 * get, nested archives (BTFHub's {@code .btf.tar.xz} inside a tree archive), and archive entries
 * that would escape the output directory.
 */
class BtfTreeTest {
  private static final byte[] A = "btf a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] B = "btf b".getBytes(StandardCharsets.UTF_8);
  private static final byte[] C = "btf c".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  @Test
  void aDirectoryYieldsItsBtfFilesWithCompressionSuffixesRemoved() throws IOException {
    Files.createDirectories(tmp.resolve("ubuntu/20.04/x86_64"));
    Files.write(
        tmp.resolve("ubuntu/20.04/x86_64/5.4.0-26-generic.btf.tar.xz"),
        tarXz("5.4.0-26-generic.btf", A));
    Files.write(tmp.resolve("ubuntu/20.04/x86_64/5.4.0-26-generic.btf.tar.xz.sha256"), B);
    Files.write(tmp.resolve("plain.btf"), B);
    Files.write(tmp.resolve("small.btf.gz"), gzip(C));
    Files.write(tmp.resolve("README.md"), C);

    assertEquals(
        List.of(
            "plain.btf = btf b",
            "small.btf = btf c",
            "ubuntu/20.04/x86_64/5.4.0-26-generic.btf = btf a"),
        read(tmp));
  }

  @Test
  void anArchiveOfArchivesIsStreamedWithPathsMirrored() throws IOException {
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put(
        "./centos/8/x86_64/4.18.0-80.el8.x86_64.btf.tar.xz", tarXz("4.18.0-80.el8.x86_64.btf", A));
    outer.put(
        "./centos/8/arm64/4.18.0-80.el8.aarch64.btf.tar.xz", tarXz("4.18.0-80.el8.aarch64.btf", B));
    outer.put("./centos/8/x86_64/notes.txt", C);
    outer.put("./raw/k.btf.xz", xz(C));
    Path archive = tmp.resolve("btfhub-archive.tar.gz");
    Files.write(archive, gzip(tar(outer)));

    assertTrue(BtfTree.isArchive(archive));
    assertEquals(
        List.of(
            "centos/8/x86_64/4.18.0-80.el8.x86_64.btf = btf a",
            "centos/8/arm64/4.18.0-80.el8.aarch64.btf = btf b",
            "raw/k.btf = btf c"),
        read(archive));
  }

  @Test
  void aSingleFileIsATreeOfOne() throws IOException {
    Path f = tmp.resolve("vmlinux.btf.xz");
    Files.write(f, xz(A));
    List<BtfTree.Entry> entries = BtfTree.readAll(f);
    assertEquals(1, entries.size());
    assertEquals("vmlinux.btf", entries.get(0).path());
    assertArrayEquals(A, entries.get(0).bytes());
  }

  @Test
  void entriesThatWouldLeaveTheTreeAreRefused() throws IOException {
    for (String evil : List.of("../evil.btf", "/etc/evil.btf", "a/../../evil.btf")) {
      Path archive = tmp.resolve("evil.tar");
      Files.write(archive, tar(Map.of(evil, A)));
      BtfFormatException e =
          assertThrows(BtfFormatException.class, () -> BtfTree.readAll(archive), evil);
      assertTrue(e.getMessage().contains("refusing archive entry"), e.getMessage());
    }
  }

  @Test
  void aCorruptArchiveSaysWhichFile() throws IOException {
    Path archive = tmp.resolve("broken.tar.xz");
    Files.write(archive, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1, 2, 3});
    BtfFormatException e = assertThrows(BtfFormatException.class, () -> BtfTree.readAll(archive));
    assertTrue(e.getMessage().startsWith(archive.toString()), e.getMessage());
  }

  private static List<String> read(Path root) {
    List<String> out = new ArrayList<>();
    for (BtfTree.Entry e : BtfTree.readAll(root)) {
      out.add(e.path() + " = " + new String(e.bytes(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static byte[] tarXz(String name, byte[] content) throws IOException {
    return xz(tar(Map.of(name, content)));
  }

  private static byte[] tar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
        e.setSize(f.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] xz(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new XZOutputStream(bytes, new LZMA2Options(0))) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GzipCompressorOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
