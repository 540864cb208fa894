package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Extern;
import io.github.core4j.elf.object.KconfigExtern;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.feature.KernelRelease;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The value of the {@code .kconfig} map, filled as libbpf fills it: {@code LINUX_KERNEL_VERSION}
 * and the other {@code LINUX_*} virtual externs from the running kernel, {@code CONFIG_*} values
 * first from the load options and then from the kernel's configuration; {@code y/n/m} for bool,
 * tristate and char externs, quoted strings for {@code char[N]}, numbers for integers. A strong
 * extern left without a value fails the load; weak ones stay zero.
 */
final class KconfigData {
  private static final int TRI_YES = 1;
  private static final int TRI_MODULE = 2;

  private KconfigData() {}

  /** The kconfig map's bytes; empty when the object has no kconfig externs. */
  static byte[] fill(
      BpfObject obj,
      KernelRelease kernel,
      Map<String, String> overrides,
      Supplier<Optional<Map<String, String>>> kernelConfig) {
    int size = 0;
    for (Extern e : obj.externs()) {
      if (e instanceof KconfigExtern k) {
        size = Math.max(size, k.offset() + k.size());
      }
    }
    ByteBuffer data = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    Set<String> set = new HashSet<>();
    boolean needConfig = false;
    for (Extern e : obj.externs()) {
      if (!(e instanceof KconfigExtern k)) {
        continue;
      }
      String name = k.name();
      if (name.equals("LINUX_KERNEL_VERSION")) {
        number(obj, k, data, BigInteger.valueOf(kernel.code()));
        set.add(name);
      } else if (name.equals("LINUX_HAS_BPF_COOKIE")) {
        number(obj, k, data, BigInteger.valueOf(kernel.atLeast("5.15") ? 1 : 0));
        set.add(name);
      } else if (name.equals("LINUX_HAS_SYSCALL_WRAPPER")) {
        number(obj, k, data, BigInteger.valueOf(SyscallWrapper.present() ? 1 : 0));
        set.add(name);
      } else if (name.startsWith("LINUX_")) {
        throw LoadFailure.of(
            obj, "kconfig", "extern (kcfg) '" + name + "': unrecognized virtual extern");
      } else if (name.startsWith("CONFIG_")) {
        needConfig = true;
      } else {
        throw LoadFailure.of(obj, "kconfig", "unrecognized extern '" + name + "'");
      }
    }
    if (needConfig) {
      apply(obj, overrides, data, set);
      boolean missing = false;
      for (Extern e : obj.externs()) {
        missing |= e instanceof KconfigExtern && !set.contains(e.name());
      }
      if (missing) {
        kernelConfig.get().ifPresent(config -> apply(obj, config, data, set));
      }
    }
    for (Extern e : obj.externs()) {
      if (e instanceof KconfigExtern && !set.contains(e.name()) && !e.weak()) {
        throw LoadFailure.of(
            obj, "kconfig", "extern '" + e.name() + "' (strong): not resolved", Errno.ESRCH);
      }
    }
    return data.array();
  }

  private static void apply(
      BpfObject obj, Map<String, String> values, ByteBuffer data, Set<String> set) {
    for (Map.Entry<String, String> v : values.entrySet()) {
      Optional<Extern> ext = obj.extern(v.getKey());
      if (ext.isEmpty()
          || !(ext.get() instanceof KconfigExtern k)
          || set.contains(k.name())
          || !k.name().startsWith("CONFIG_")) {
        continue;
      }
      String value = v.getValue();
      if (value.isEmpty()) {
        throw LoadFailure.of(obj, "kconfig", "extern (kcfg) '" + k.name() + "': empty value");
      }
      char c = value.charAt(0);
      if (c == 'y' || c == 'n' || c == 'm') {
        tristate(obj, k, data, c);
      } else if (c == '"') {
        string(obj, k, data, value);
      } else {
        number(obj, k, data, parseNumber(obj, k, value));
      }
      set.add(k.name());
    }
  }

  private static void tristate(BpfObject obj, KconfigExtern k, ByteBuffer data, char value) {
    switch (k.type()) {
      case BOOL -> {
        if (value == 'm') {
          throw LoadFailure.of(
              obj,
              "kconfig",
              "extern (kcfg) '" + k.name() + "': value 'm' implies tristate or char type");
        }
        data.put(k.offset(), (byte) (value == 'y' ? 1 : 0));
      }
      case TRISTATE ->
          data.putInt(k.offset(), value == 'y' ? TRI_YES : value == 'm' ? TRI_MODULE : 0);
      case CHAR -> data.put(k.offset(), (byte) value);
      default ->
          throw LoadFailure.of(
              obj,
              "kconfig",
              "extern (kcfg) '"
                  + k.name()
                  + "': value '"
                  + value
                  + "' implies bool, tristate, or char type");
    }
  }

  private static void string(BpfObject obj, KconfigExtern k, ByteBuffer data, String value) {
    if (k.type() != io.github.core4j.elf.object.KconfigType.CHAR_ARRAY) {
      throw LoadFailure.of(
          obj,
          "kconfig",
          "extern (kcfg) '" + k.name() + "': value '" + value + "' implies char array type");
    }
    if (value.length() < 2 || !value.endsWith("\"")) {
      throw LoadFailure.of(
          obj,
          "kconfig",
          "extern (kcfg) '" + k.name() + "': invalid string config '" + value + "'");
    }
    byte[] bytes = value.substring(1, value.length() - 1).getBytes(StandardCharsets.UTF_8);
    int len = Math.min(bytes.length, k.size() - 1);
    for (int i = 0; i < len; i++) {
      data.put(k.offset() + i, bytes[i]);
    }
    data.put(k.offset() + len, (byte) 0);
  }

  private static BigInteger parseNumber(BpfObject obj, KconfigExtern k, String value) {
    try {
      String v = value;
      boolean negative = v.startsWith("-");
      if (negative) {
        v = v.substring(1);
      }
      BigInteger n;
      if (v.startsWith("0x") || v.startsWith("0X")) {
        n = new BigInteger(v.substring(2), 16);
      } else if (v.length() > 1 && v.startsWith("0")) {
        n = new BigInteger(v.substring(1), 8);
      } else {
        n = new BigInteger(v);
      }
      return negative ? n.negate() : n;
    } catch (NumberFormatException e) {
      throw LoadFailure.of(
          obj,
          "kconfig",
          "extern (kcfg) '" + k.name() + "': failed to parse value '" + value + "'");
    }
  }

  private static void number(BpfObject obj, KconfigExtern k, ByteBuffer data, BigInteger value) {
    switch (k.type()) {
      case INT, CHAR -> {}
      default ->
          throw LoadFailure.of(
              obj,
              "kconfig",
              "extern (kcfg) '" + k.name() + "': value '" + value + "' implies integer type");
    }
    int bits = k.size() * 8;
    BigInteger min = k.signed() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max =
        (k.signed() ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits))
            .subtract(BigInteger.ONE);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw LoadFailure.of(
          obj,
          "kconfig",
          "extern (kcfg) '"
              + k.name()
              + "': value '"
              + value
              + "' doesn't fit in "
              + k.size()
              + " bytes");
    }
    long v = value.longValue();
    switch (k.size()) {
      case 1 -> data.put(k.offset(), (byte) v);
      case 2 -> data.putShort(k.offset(), (short) v);
      case 4 -> data.putInt(k.offset(), (int) v);
      case 8 -> data.putLong(k.offset(), v);
      default ->
          throw LoadFailure.of(
              obj, "kconfig", "extern (kcfg) '" + k.name() + "': unsupported size " + k.size());
    }
  }
}
