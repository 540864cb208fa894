package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.ObjInfoAttr;
import io.github.core4j.runtime.obj.ObjectInfo;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What the kernel reports about loaded objects, printed like {@code src/test/c/libbpf_insns.c}
 * prints it: a program's func and line info, a map's BTF ids, the FNV-1a hash of a BTF object.
 */
final class KernelInfo {
  private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT;
  private static final long PROG_INFO_SIZE = 232;
  private static final long BTF_ID = 128;
  private static final long FUNC_INFO_REC_SIZE = 132;
  private static final long FUNC_INFO = 136;
  private static final long NR_FUNC_INFO = 144;
  private static final long NR_LINE_INFO = 148;
  private static final long LINE_INFO = 152;
  private static final long LINE_INFO_REC_SIZE = 172;

  private KernelInfo() {}

  static String programInfo(Fd prog) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment first = ObjectInfo.read(prog, PROG_INFO_SIZE, arena, "prog");
      int nf = first.get(U32, NR_FUNC_INFO);
      int nl = first.get(U32, NR_LINE_INFO);
      MemorySegment fi = arena.allocate(8L * Math.max(nf, 1), 8);
      MemorySegment li = arena.allocate(16L * Math.max(nl, 1), 8);
      MemorySegment info = arena.allocate(PROG_INFO_SIZE, 8);
      info.set(U32, NR_FUNC_INFO, nf);
      info.set(U32, FUNC_INFO_REC_SIZE, 8);
      info.set(ValueLayout.JAVA_LONG, FUNC_INFO, fi.address());
      info.set(U32, NR_LINE_INFO, nl);
      info.set(U32, LINE_INFO_REC_SIZE, 16);
      info.set(ValueLayout.JAVA_LONG, LINE_INFO, li.address());
      call(arena, prog, info);
      StringBuilder b = new StringBuilder("func_info ").append(nf).append('\n');
      for (int k = 0; k < nf; k++) {
        b.append("f ").append(u(fi, k * 8L)).append(' ').append(u(fi, k * 8L + 4)).append('\n');
      }
      b.append("line_info ").append(nl).append('\n');
      for (int k = 0; k < nl; k++) {
        b.append("l ");
        for (int w = 0; w < 4; w++) {
          b.append(u(li, k * 16L + w * 4L)).append(w < 3 ? ' ' : '\n');
        }
      }
      return b.toString();
    }
  }

  /** The id of the BTF a program was loaded with (0: none). */
  static int programBtfId(Fd prog) {
    try (Arena arena = Arena.ofConfined()) {
      return ObjectInfo.read(prog, PROG_INFO_SIZE, arena, "prog").get(U32, BTF_ID);
    }
  }

  static String mapInfo(String name, Fd map) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment info = ObjectInfo.read(map, 96, arena, "map");
      return "map "
          + name
          + " type="
          + u(info, 0)
          + " key="
          + u(info, 8)
          + " value="
          + u(info, 12)
          + " max="
          + u(info, 16)
          + " flags=0x"
          + Integer.toHexString(info.get(U32, 20))
          + " btf_key="
          + u(info, 68)
          + " btf_value="
          + u(info, 72)
          + " btf_vmlinux_value="
          + u(info, 44)
          + "\n";
    }
  }

  /** "btf size=N fnv=0x..." of BTF object {@code id}, as the kernel returns its bytes. */
  static String btf(int id) {
    if (id == 0) {
      return "btf none\n";
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment attr = arena.allocate(16, 8);
      attr.set(U32, 0, id);
      try (Fd fd = Syscall.bpfFd(BpfCommand.BTF_GET_FD_BY_ID, attr, 16, "btf " + id)) {
        MemorySegment first = ObjectInfo.read(fd, 32, arena, "btf");
        int size = first.get(U32, 8);
        MemorySegment raw = arena.allocate(Math.max(size, 1), 8);
        MemorySegment info = arena.allocate(32, 8);
        info.set(ValueLayout.JAVA_LONG, 0, raw.address());
        info.set(U32, 8, size);
        call(arena, fd, info);
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < size; k++) {
          h ^= raw.get(ValueLayout.JAVA_BYTE, k) & 0xff;
          h *= 0x100000001b3L;
        }
        return String.format("btf size=%d fnv=0x%016x%n", size, h);
      }
    }
  }

  private static void call(Arena arena, Fd fd, MemorySegment info) {
    ObjInfoAttr attr = new ObjInfoAttr(arena).bpfFd(fd.value()).info(info);
    Syscall.bpfOrThrow(BpfCommand.OBJ_GET_INFO_BY_FD, attr.segment(), attr.size(), "info");
  }

  private static String u(MemorySegment s, long off) {
    return Integer.toUnsignedString(s.get(U32, off));
  }
}
