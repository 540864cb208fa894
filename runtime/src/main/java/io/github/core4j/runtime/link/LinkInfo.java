package io.github.core4j.runtime.link;

import io.github.core4j.runtime.obj.ObjectInfo;
import io.github.core4j.runtime.sys.Fd;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The common head of {@code struct bpf_link_info}.
 *
 * @param typeValue the kernel's link type number (see {@link #type()})
 * @param id the link's system-wide id
 * @param programId the id of the attached program
 */
public record LinkInfo(int typeValue, int id, int programId) {
  private static final int INFO_SIZE = 64;

  /** The link type, or {@link LinkType#UNSPEC} for one newer than this library. */
  public LinkType type() {
    return LinkType.ofValue(typeValue).orElse(LinkType.UNSPEC);
  }

  /** Asks the kernel about the link behind {@code fd}. */
  public static LinkInfo of(Fd fd) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment s = ObjectInfo.read(fd, INFO_SIZE, arena, "link " + fd);
      return new LinkInfo(
          s.get(ValueLayout.JAVA_INT, 0),
          s.get(ValueLayout.JAVA_INT, 4),
          s.get(ValueLayout.JAVA_INT, 8));
    }
  }
}
