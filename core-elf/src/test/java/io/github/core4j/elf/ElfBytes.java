package io.github.core4j.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A mutable copy of a test ELF with helpers to overwrite header and section-header fields. */
final class ElfBytes {
  final byte[] bytes;
  final ElfFile original;
  private final ByteBuffer buf;

  ElfBytes(Path file) {
    try {
      this.bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.original = ElfFile.parse(bytes.clone(), file.getFileName().toString());
    this.buf = ByteBuffer.wrap(bytes).order(original.byteOrder());
  }

  ElfSection section(String name) {
    return original.section(name).orElseThrow();
  }

  /** File offset of field {@code field} (byte offset inside the header) of {@code s}'s header. */
  int header(ElfSection s, int field) {
    return (int) original.header().shoff() + s.index() * ElfSection.HEADER_SIZE + field;
  }

  ElfBytes putShort(int at, int v) {
    buf.putShort(at, (short) v);
    return this;
  }

  ElfBytes putInt(int at, int v) {
    buf.putInt(at, v);
    return this;
  }

  ElfBytes putLong(int at, long v) {
    buf.putLong(at, v);
    return this;
  }

  ElfBytes put(int at, int b) {
    bytes[at] = (byte) b;
    return this;
  }

  ElfFile parse() {
    return ElfFile.parse(bytes, "mutated.o");
  }
}
