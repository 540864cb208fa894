package io.github.core4j.runtime.obj;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.ObjInfoAttr;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@code BPF_OBJ_GET_INFO_BY_FD}: the kernel fills a {@code bpf_map_info}, {@code bpf_prog_info},
 * {@code bpf_link_info} or {@code bpf_btf_info} for an fd. Callers decode the struct they asked
 * for.
 */
public final class ObjectInfo {
  private ObjectInfo() {}

  /**
   * Fills and returns a zeroed buffer of {@code size} bytes allocated in {@code arena}. The kernel
   * writes at most {@code size} bytes and zero-extends what it does not know.
   */
  public static MemorySegment read(Fd fd, long size, Arena arena, String subject) {
    MemorySegment info = arena.allocate(size, 8);
    ObjInfoAttr attr = new ObjInfoAttr(arena).bpfFd(fd.value()).info(info);
    Syscall.bpfOrThrow(BpfCommand.OBJ_GET_INFO_BY_FD, attr.segment(), attr.size(), subject);
    return info;
  }
}
