package io.github.core4j.elf.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfFormatException;
import io.github.core4j.elf.ElfTestdata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input: a kernel module of Debian's 6.1.0-50 kernel and BPF objects, as they are and wrapped the
 * ways kernels ship (compressed, inside a bzImage, inside an ar/tar package). Oracle: bpftool's
 * dump of the same module's BTF ({@code testdata/btf/expected}) and the bytes of the {@code .BTF}
 * section. Ours: {@link KernelBtf#read}.
 */
class KernelBtfTest {
  @TempDir Path tmp;

  static Path btfData(String rel) {
    return ElfTestdata.root().resolve("btf").resolve(rel);
  }

  static Btf base61() {
    return BtfFiles.read(btfData("kernels/6.1.0-50-amd64.btf.xz"));
  }

  static Path afKey() {
    return ElfTestdata.elf().resolve("kernel/af_key.ko");
  }

  static String dump(Btf btf) {
    StringBuilder sb = new StringBuilder();
    RawDump.write(btf, sb);
    return sb.toString();
  }

  @Test
  void moduleBtfFromKoIsSplitOnTheKernelAndMatchesBpftool() {
    Btf btf = KernelBtf.read(afKey(), base61());
    String expected =
        new String(
            BtfFiles.readBytes(
                btfData("expected/modules/6.1.0-50-amd64/af_key.btf.xz.bpftool.txt.xz")),
            StandardCharsets.UTF_8);
    assertEquals(expected, dump(btf));
  }

  @Test
  void moduleBtfSectionIsTheSharedModuleBtf() {
    ElfFile ko = ElfFile.open(afKey());
    ByteBuffer section = ko.data(ko.section(".BTF").orElseThrow());
    byte[] ours = new byte[section.remaining()];
    section.get(ours);
    assertArrayEquals(BtfFiles.readBytes(btfData("modules/6.1.0-50-amd64/af_key.btf.xz")), ours);
  }

  @Test
  void bpfObjectBtfIsItsDotBtfSection() {
    Path obj = ElfTestdata.elf().resolve("obj/maps_calls.v3.bpfeb.o");
    Btf btf = KernelBtf.read(obj);
    ElfFile elf = ElfFile.open(obj);
    assertEquals(dump(Btf.parse(elf.data(elf.section(".BTF").orElseThrow()), "x")), dump(btf));
  }

  @ParameterizedTest
  @EnumSource(
      value = PayloadCompression.class,
      names = {"GZIP", "XZ", "ZSTD", "LZ4_LEGACY", "BZIP2"})
  void compressedKoReadsLikeThePlainOne(PayloadCompression c) throws IOException {
    Path file = tmp.resolve("af_key.ko.compressed");
    Files.write(file, Compressors.compress(c, Files.readAllBytes(afKey())));
    assertEquals(KernelImageFormat.COMPRESSED, KernelImageFormat.detect(MappedFilesView.of(file)));
    assertEquals(dump(KernelBtf.read(afKey(), base61())), dump(KernelBtf.read(file, base61())));
  }

  @ParameterizedTest
  @EnumSource(
      value = PayloadCompression.class,
      names = {"GZIP", "XZ", "ZSTD", "LZ4_LEGACY", "BZIP2", "LZMA"})
  void bzImagePayloadIsFoundThroughTheSetupHeader(PayloadCompression c) throws IOException {
    Path obj = ElfTestdata.elf().resolve("obj/maps_calls.v3.bpfel.o");
    byte[] elf = Files.readAllBytes(obj);
    Path image = tmp.resolve("vmlinuz");
    Files.write(image, Compressors.bzImage(Compressors.compress(c, elf), elf.length));
    assertEquals(KernelImageFormat.BZIMAGE, KernelImageFormat.detect(MappedFilesView.of(image)));
    assertEquals(dump(KernelBtf.read(obj)), dump(KernelBtf.read(image)));
  }

  @Test
  void payloadWithoutAHeaderIsFoundByScanning() throws IOException {
    Path obj = ElfTestdata.elf().resolve("obj/v4.v4.bpfel.o");
    byte[] elf = Files.readAllBytes(obj);
    byte[] packed = Compressors.compress(PayloadCompression.ZSTD, elf);
    byte[] image = new byte[4096 + packed.length + 100];
    image[0] = 'M';
    image[1] = 'Z';
    image[100] = 0x1f; // a stray gzip magic that does not inflate
    image[101] = (byte) 0x8b;
    image[102] = 8;
    System.arraycopy(packed, 0, image, 4096, packed.length);
    Path file = tmp.resolve("Image");
    Files.write(file, image);
    assertEquals(dump(KernelBtf.read(obj)), dump(KernelBtf.read(file)));
  }

  /**
   * A synthetic signed arm64 package: the {@code .deb} holds an uncompressed arm64 Image ({@code
   * ARMd} at 0x38), BTF inside at a 4-byte aligned offset behind a stray BTF magic whose header
   * does not hold together, and trailing signature bytes (the real package is checked in
   * KernelDebTest).
   */
  @Test
  void uncompressedArm64ImageInADebIsScannedForItsBtfHeader() throws IOException {
    byte[] btf = BtfFiles.readBytes(btfData("modules/6.1.0-50-amd64/af_key.btf.xz"));
    Btf base = base61();
    byte[] image = new byte[8192 + btf.length + 512];
    image[0] = 'M';
    image[1] = 'Z';
    image[0x38] = 'A';
    image[0x39] = 'R';
    image[0x3a] = 'M';
    image[0x3b] = 'd';
    image[1000] = (byte) 0x9f; // a magic with a broken header: skipped
    image[1001] = (byte) 0xeb;
    image[1002] = 1;
    System.arraycopy(btf, 0, image, 8192, btf.length);
    java.util.Arrays.fill(image, 8192 + btf.length, image.length, (byte) 0x30); // "signature"
    Path deb = tmp.resolve("linux-image-arm64-test.deb");
    Files.write(deb, Compressors.deb("boot/vmlinuz-6.1.0-test-arm64", image));
    assertEquals(
        dump(Btf.parseSplit(java.nio.ByteBuffer.wrap(btf), base, "af_key")),
        dump(KernelBtf.read(deb, base)));
    byte[] noBtf = java.util.Arrays.copyOf(image, 8192);
    Path bare = tmp.resolve("Image");
    Files.write(bare, noBtf);
    ElfFormatException e = assertThrows(ElfFormatException.class, () -> KernelBtf.read(bare));
    assertTrue(e.getMessage().contains("an arm64 Image without BTF"), e.getMessage());
  }

  @Test
  void debPackageIsReadWithoutExtracting() throws IOException {
    Path obj = ElfTestdata.elf().resolve("obj/maps_calls.v1.bpfel.o");
    byte[] elf = Files.readAllBytes(obj);
    byte[] vmlinuz =
        Compressors.bzImage(Compressors.compress(PayloadCompression.XZ, elf), elf.length);
    Path deb = tmp.resolve("linux-image-test.deb");
    Files.write(deb, Compressors.deb("boot/vmlinuz-6.1.0-test", vmlinuz));
    assertEquals(KernelImageFormat.DEB, KernelImageFormat.detect(MappedFilesView.of(deb)));
    assertEquals(dump(KernelBtf.read(obj)), dump(KernelBtf.read(deb)));
  }

  @Test
  void unrecognisedInputNamesWhatItStartsWith() throws IOException {
    Path file = tmp.resolve("junk");
    Files.write(file, "hello, this is no kernel".getBytes(StandardCharsets.US_ASCII));
    ElfFormatException e = assertThrows(ElfFormatException.class, () -> KernelBtf.read(file));
    assertTrue(e.getMessage().contains("starts with 68 65 6c 6c"), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void elfWithoutBtfSaysSo() throws IOException {
    byte[] ko = Files.readAllBytes(ElfTestdata.elf().resolve("kernel/crc7.ko"));
    String text = new String(ko, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\0.BTF\0") + 1;
    ko[at + 1] = 'X'; // .BTF becomes .XTF in the section-name table
    Path file = tmp.resolve("nobtf.ko");
    Files.write(file, ko);
    ElfFormatException e = assertThrows(ElfFormatException.class, () -> KernelBtf.read(file));
    assertEquals(file + ": has no .BTF section", e.getMessage());
  }

  @Test
  void truncatedBzImagePayloadIsReported() throws IOException {
    Path obj = ElfTestdata.elf().resolve("obj/maps_calls.v1.bpfel.o");
    byte[] elf = Files.readAllBytes(obj);
    byte[] image =
        Compressors.bzImage(Compressors.compress(PayloadCompression.GZIP, elf), elf.length);
    Path file = tmp.resolve("vmlinuz");
    Files.write(file, java.util.Arrays.copyOf(image, image.length - 100));
    ElfFormatException e = assertThrows(ElfFormatException.class, () -> KernelBtf.read(file));
    assertTrue(e.getMessage().contains("does not lie within the image"), e.getMessage());
  }

  /**
   * A 14-byte LZMA header (found by fuzzing) declares a 1.4 GiB dictionary, which the decoder would
   * allocate before reading a byte of data: refused by the decoder memory limit, at once.
   */
  @Test
  void lzmaDeclaringAHugeDictionaryIsRefusedBeforeAllocatingIt() throws IOException {
    Path file = tmp.resolve("lzma_huge_dictionary");
    Files.write(
        file,
        new byte[] {
          0x5d, 0, 0, 0, 0x5b, 0, 0, 0, 0, (byte) 0x9c, (byte) 0xd7, 0x31, 0x02, (byte) 0xfb
        });
    long before = allocatedBytes();
    ElfFormatException e = assertThrows(ElfFormatException.class, () -> KernelBtf.read(file));
    assertEquals(
        file
            + ": LZMA data declares a dictionary that needs 1490966 KiB of memory, more than the"
            + " 131072 KiB allowed; refusing it",
        e.getMessage());
    assertTrue(allocatedBytes() - before < 64 << 20, "allocated " + (allocatedBytes() - before));
  }

  @Test
  void truncatedLzmaSaysItEndsEarly() throws IOException {
    byte[] elf = Files.readAllBytes(ElfTestdata.elf().resolve("obj/maps_calls.v1.bpfel.o"));
    byte[] lzma = Compressors.compress(PayloadCompression.LZMA, elf);
    Path file = tmp.resolve("vmlinux.lzma");
    Files.write(file, java.util.Arrays.copyOf(lzma, lzma.length / 2));
    ElfFormatException e = assertThrows(ElfFormatException.class, () -> KernelBtf.read(file));
    assertEquals(file + ": truncated LZMA data: it ends before the stream does", e.getMessage());
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean)
            java.lang.management.ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  static List<String> lines(String s) {
    return new ArrayList<>(List.of(s.split("\n")));
  }
}
