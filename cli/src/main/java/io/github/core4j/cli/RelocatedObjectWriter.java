package io.github.core4j.cli;

import io.github.core4j.btf.ext.BtfExtHeader;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.reloc.matrix.elf.ObjectRelocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes what {@code core4j reloc --out} promises: the input object, byte for byte, except that the
 * relocated instructions are patched and {@code .BTF.ext}'s {@code core_relo_len} is 0. Without the
 * records libbpf finds nothing to relocate when it loads the file (it would otherwise relocate the
 * patched instructions again and reject the values it finds there); the CO-RE subsection's bytes
 * stay where they were, unreferenced, so no offset in the file moves.
 */
final class RelocatedObjectWriter {
  /** Offset of {@code core_relo_len} in {@code struct btf_ext_header}. */
  private static final int CORE_RELO_LEN_OFFSET = 28;

  private RelocatedObjectWriter() {}

  static void write(Path input, BpfObject obj, ObjectRelocation relocation, Path outFile) {
    try {
      byte[] bytes = Files.readAllBytes(input);
      for (Map.Entry<Integer, byte[]> e : relocation.patchedCode().entrySet()) {
        ElfSection s = obj.elf().section(e.getKey());
        byte[] patched = e.getValue();
        System.arraycopy(patched, 0, bytes, Math.toIntExact(s.offset()), patched.length);
      }
      ElfSection ext = obj.elf().section(".BTF.ext").orElse(null);
      if (ext != null && ext.size() >= BtfExtHeader.WITH_CORE_RELO_SIZE) {
        ByteBuffer header =
            ByteBuffer.wrap(bytes, Math.toIntExact(ext.offset()), BtfExtHeader.WITH_CORE_RELO_SIZE)
                .slice()
                .order(obj.byteOrder());
        if (header.getInt(4) >= BtfExtHeader.WITH_CORE_RELO_SIZE) { // hdr_len
          header.putInt(CORE_RELO_LEN_OFFSET, 0);
        }
      }
      Path parent = outFile.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(parent, ".core4j-", ".o");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(outFile + ": " + e.getMessage(), e);
    }
  }
}
