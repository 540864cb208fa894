package io.github.core4j.runtime.loader;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Extern;
import io.github.core4j.elf.object.KsymExtern;
import io.github.core4j.reloc.BtfTypes;
import io.github.core4j.reloc.RelocationException;
import io.github.core4j.reloc.TypeCompatibility;
import io.github.core4j.runtime.Errno;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Resolves {@code __ksym} externs as libbpf does: typeless ones ({@code extern const void sym
 * __ksym}) by address from {@code /proc/kallsyms} (a name listed at two addresses is ambiguous),
 * typed variables and kfuncs by name among the {@code VAR}s and {@code FUNC}s of vmlinux BTF, then
 * of loaded modules' BTF (kfunc calls then index the module's BTF fd in the object's {@code
 * fd_array}), whose types must be compatible with the object's. A strong extern the kernel lacks
 * fails the load with {@code ESRCH}; a weak one stays unset.
 */
final class KsymResolver {
  static final Path KALLSYMS = Path.of("/proc/kallsyms");

  private KsymResolver() {}

  static Map<String, ResolvedKsym> resolve(
      BpfObject obj,
      Supplier<Btf> vmlinux,
      Supplier<ModuleBtfs> modules,
      FdArray fdArray,
      Path kallsyms) {
    Map<String, ResolvedKsym> out = new HashMap<>();
    boolean needKallsyms = false;
    for (Extern e : obj.externs()) {
      if (e instanceof KsymExtern k) {
        if (k.isTypeless()) {
          needKallsyms = true;
        } else {
          out.put(k.name(), typed(obj, k, vmlinux.get(), modules, fdArray));
        }
      }
    }
    if (needKallsyms) {
      kallsyms(obj, kallsyms, out);
    }
    for (Extern e : obj.externs()) {
      if (e instanceof KsymExtern k && !out.containsKey(k.name())) {
        if (!k.weak()) {
          throw LoadFailure.of(
              obj,
              "resolve externs",
              "extern '" + k.name() + "' (strong): not resolved",
              Errno.ESRCH);
        }
        out.put(k.name(), ResolvedKsym.UNSET);
      }
    }
    return out;
  }

  private static ResolvedKsym typed(
      BpfObject obj, KsymExtern k, Btf vmlinux, Supplier<ModuleBtfs> modules, FdArray fdArray) {
    BtfKind kind = k.function() ? BtfKind.FUNC : BtfKind.VAR;
    OptionalInt id = vmlinux.findByName(k.name(), kind);
    if (id.isPresent()) {
      checkCompatible(obj, k, vmlinux, id.getAsInt());
      return ResolvedKsym.vmlinux(id.getAsInt());
    }
    for (ModuleBtfs.Module m : modules.get().modules()) {
      OptionalInt inModule = findOwn(m.btf(), k.name(), kind);
      if (inModule.isPresent()) {
        checkCompatible(obj, k, m.btf(), inModule.getAsInt());
        int fd = m.fd().value();
        return new ResolvedKsym(
            true, 0, inModule.getAsInt(), fd, k.function() ? fdArray.indexOf(fd) : 0);
      }
    }
    if (k.weak()) {
      return ResolvedKsym.UNSET;
    }
    throw LoadFailure.of(
        obj,
        "resolve externs",
        "extern ("
            + (k.function() ? "func" : "var")
            + " ksym) '"
            + k.name()
            + "': not found in kernel or module BTFs",
        Errno.ESRCH);
  }

  /** A type of {@code name} among a module's own types (not its vmlinux base). */
  private static OptionalInt findOwn(Btf module, String name, BtfKind kind) {
    for (int id : module.idsByName(name)) {
      if (id >= module.firstId() && module.kind(id) == kind) {
        return OptionalInt.of(id);
      }
    }
    return OptionalInt.empty();
  }

  /** libbpf refuses a typed ksym or kfunc whose type differs from the kernel's. */
  private static void checkCompatible(BpfObject obj, KsymExtern k, Btf vmlinux, int kernelId) {
    Btf local = obj.btf().orElse(null);
    if (local == null || k.typeId() == 0) {
      return;
    }
    BtfTypes localTypes = BtfTypes.ofObject(local);
    BtfTypes kernelTypes = BtfTypes.of(vmlinux);
    BtfType t = vmlinux.type(kernelId);
    int target;
    if (t instanceof BtfVar v) {
      target = kernelTypes.skipModsAndTypedefs(v.type());
    } else if (t instanceof BtfFunc f) {
      target = f.type();
    } else {
      return;
    }
    boolean compatible;
    try {
      compatible = TypeCompatibility.areCompatible(localTypes, k.typeId(), kernelTypes, target);
    } catch (RelocationException e) {
      compatible = false;
    }
    if (!compatible) {
      throw LoadFailure.of(
          obj,
          "resolve externs",
          "extern ("
              + (k.function() ? "func" : "var")
              + " ksym) '"
              + k.name()
              + "': incompatible types, expected "
              + localTypes.describe(k.typeId())
              + ", but kernel has "
              + kernelTypes.describe(target));
    }
  }

  private static void kallsyms(BpfObject obj, Path file, Map<String, ResolvedKsym> out) {
    Map<String, KsymExtern> wanted = new HashMap<>();
    for (Extern e : obj.externs()) {
      if (e instanceof KsymExtern k && k.isTypeless()) {
        wanted.put(k.name(), k);
      }
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        // "ffffffff81000000 T _stext\t[module]": address, type, name, optional module
        int s1 = line.indexOf(' ');
        int s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
        if (s2 < 0) {
          continue;
        }
        int end = line.indexOf('\t', s2 + 1);
        String name = line.substring(s2 + 1, end < 0 ? line.length() : end).strip();
        if (!wanted.containsKey(name)) {
          continue;
        }
        long address = Long.parseUnsignedLong(line.substring(0, s1), 16);
        ResolvedKsym prev = out.get(name);
        if (prev != null && prev.address() != address) {
          throw LoadFailure.of(
              obj,
              "resolve externs",
              "extern (ksym) '"
                  + name
                  + "': resolution is ambiguous: 0x"
                  + Long.toHexString(prev.address())
                  + " or 0x"
                  + Long.toHexString(address));
        }
        out.put(name, ResolvedKsym.address(address));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
