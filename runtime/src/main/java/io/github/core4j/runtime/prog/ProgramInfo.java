package io.github.core4j.runtime.prog;

import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.obj.ObjectInfo;
import io.github.core4j.runtime.sys.Fd;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What the kernel says about a loaded program ({@code struct bpf_prog_info}, the fields bpftool
 * prints first).
 *
 * @param typeValue the kernel's program type number (see {@link #type()})
 * @param id the program's system-wide id
 * @param tag the 8-byte program tag as hex, as {@code bpftool prog} prints it
 * @param name the name, at most 15 bytes
 * @param xlatedLength bytes of translated (post-verifier) instructions
 * @param jitedLength bytes of JIT-compiled code (0 without JIT or when hidden)
 * @param verifiedInsns instructions the verifier processed (Linux 5.16+)
 */
public record ProgramInfo(
    int typeValue,
    int id,
    String tag,
    String name,
    int xlatedLength,
    int jitedLength,
    int verifiedInsns) {

  private static final int INFO_SIZE = 232;

  /** The program type, or {@link ProgramType#UNSPEC} for one newer than this library. */
  public ProgramType type() {
    return ProgramType.ofValue(typeValue).orElse(ProgramType.UNSPEC);
  }

  /** Asks the kernel about the program behind {@code fd}. */
  public static ProgramInfo of(Fd fd) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment s = ObjectInfo.read(fd, INFO_SIZE, arena, "program " + fd);
      byte[] name = s.asSlice(64, 16).toArray(ValueLayout.JAVA_BYTE);
      int n = 0;
      while (n < name.length && name[n] != 0) {
        n++;
      }
      return new ProgramInfo(
          s.get(ValueLayout.JAVA_INT, 0),
          s.get(ValueLayout.JAVA_INT, 4),
          HexFormat.of().formatHex(s.asSlice(8, 8).toArray(ValueLayout.JAVA_BYTE)),
          new String(name, 0, n, StandardCharsets.UTF_8),
          s.get(ValueLayout.JAVA_INT, 20),
          s.get(ValueLayout.JAVA_INT, 16),
          s.get(ValueLayout.JAVA_INT, 216));
    }
  }
}
