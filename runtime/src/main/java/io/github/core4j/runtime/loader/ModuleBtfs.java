package io.github.core4j.runtime.loader;

import io.github.core4j.btf.Btf;
import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.attr.ObjInfoAttr;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The BTF of loaded kernel modules, found as libbpf's {@code load_module_btfs} finds it: every
 * kernel BTF object ({@code BPF_BTF_GET_NEXT_ID}) other than vmlinux, parsed as split BTF on
 * vmlinux, with its fd held open for the load (kfunc calls and typed ksyms in a module refer to
 * it).
 */
final class ModuleBtfs implements AutoCloseable {
  /** One module's BTF. */
  record Module(String name, Fd fd, Btf btf) {}

  private static final int INFO_SIZE = 32;

  private final List<Module> modules;

  private ModuleBtfs(List<Module> modules) {
    this.modules = modules;
  }

  List<Module> modules() {
    return modules;
  }

  /** Every module BTF the kernel has loaded now. */
  static ModuleBtfs load(Btf vmlinux) {
    List<Module> out = new ArrayList<>();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment attr = arena.allocate(16, 8);
      int id = 0;
      while (true) {
        attr.fill((byte) 0);
        attr.set(ValueLayout.JAVA_INT, 0, id);
        long r = Syscall.bpf(BpfCommand.BTF_GET_NEXT_ID, attr, 16);
        if (r < 0) {
          break; // ENOENT: no more
        }
        id = attr.get(ValueLayout.JAVA_INT, 4);
        Module m = module(arena, id, vmlinux);
        if (m != null) {
          out.add(m);
        }
      }
    } catch (RuntimeException e) {
      out.forEach(m -> m.fd().close());
      throw e;
    }
    return new ModuleBtfs(out);
  }

  private static @org.jspecify.annotations.Nullable Module module(
      Arena arena, int id, Btf vmlinux) {
    MemorySegment attr = arena.allocate(16, 8);
    attr.set(ValueLayout.JAVA_INT, 0, id);
    long r = Syscall.bpf(BpfCommand.BTF_GET_FD_BY_ID, attr, 16);
    if (r < 0) {
      if (r == -Errno.ENOENT.value()) {
        return null; // unloaded in between
      }
      throw new io.github.core4j.runtime.BpfException(
          BpfCommand.BTF_GET_FD_BY_ID.kernelName(), "btf " + id, (int) -r);
    }
    Fd fd = Fd.adopt((int) r);
    try {
      MemorySegment name = arena.allocate(64, 8);
      MemorySegment info = arena.allocate(INFO_SIZE, 8);
      info.set(ValueLayout.JAVA_LONG, 16, name.address());
      info.set(ValueLayout.JAVA_INT, 24, 64);
      info(arena, fd, info);
      String moduleName = name.getString(0, StandardCharsets.UTF_8);
      boolean kernel = info.get(ValueLayout.JAVA_INT, 28) != 0;
      if (!kernel || moduleName.equals("vmlinux")) {
        fd.close();
        return null;
      }
      int size = info.get(ValueLayout.JAVA_INT, 8);
      MemorySegment raw = arena.allocate(Math.max(size, 1), 8);
      info.fill((byte) 0);
      info.set(ValueLayout.JAVA_LONG, 0, raw.address());
      info.set(ValueLayout.JAVA_INT, 8, size);
      info(arena, fd, info);
      Btf btf =
          Btf.parseSplit(raw.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE), vmlinux, moduleName);
      return new Module(moduleName, fd, btf);
    } catch (RuntimeException e) {
      fd.close();
      throw e;
    }
  }

  private static void info(Arena arena, Fd fd, MemorySegment info) {
    ObjInfoAttr attr = new ObjInfoAttr(arena).bpfFd(fd.value()).info(info);
    Syscall.bpfOrThrow(BpfCommand.OBJ_GET_INFO_BY_FD, attr.segment(), attr.size(), "module btf");
  }

  @Override
  public void close() {
    modules.forEach(m -> m.fd().close());
  }
}
