package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import org.jspecify.annotations.Nullable;

/**
 * The Java expressions that read a value of a {@link JType} from a memory segment at a byte (or,
 * for bitfields, bit) offset, and the statements that write one. Scalars go through the generated
 * {@code ValueLayout} constants (which carry the object's byte order); everything else through its
 * codec on a slice.
 */
final class MemberCode {
  static final ClassName BITFIELDS = ClassName.get("io.github.core4j.runtime.typed", "Bitfields");

  private MemberCode() {}

  /** An expression reading {@code type} at byte {@code offset} of segment {@code segment}. */
  static CodeBlock read(JType type, String segment, long offset) {
    ScalarType scalar = scalarOf(type);
    if (scalar != null) {
      if (scalar.kind() == ScalarKind.BOOL) {
        return CodeBlock.of("$N.get(I8, $LL) != 0", segment, offset);
      }
      return CodeBlock.of("$N.get($L, $LL)", segment, scalar.kind().layout(), offset);
    }
    return CodeBlock.of(
        "$L.decode($N.asSlice($LL, $LL))", type.codec(), segment, offset, type.size());
  }

  /**
   * A statement writing {@code value} of {@code type} at byte {@code offset} of {@code segment}.
   */
  static CodeBlock write(JType type, String segment, long offset, String value) {
    ScalarType scalar = scalarOf(type);
    if (scalar != null) {
      if (scalar.kind() == ScalarKind.BOOL) {
        return CodeBlock.of("$N.set(I8, $LL, $N ? (byte) 1 : (byte) 0)", segment, offset, value);
      }
      return CodeBlock.of("$N.set($L, $LL, $N)", segment, scalar.kind().layout(), offset, value);
    }
    return CodeBlock.of(
        "$L.encode($N, $N.asSlice($LL, $LL))", type.codec(), value, segment, offset, type.size());
  }

  /** An expression reading a {@code bits}-wide bitfield at {@code bitOffset}. */
  static CodeBlock readBits(ScalarType type, String segment, long bitOffset, int bits) {
    String method = type.unsigned() || type.kind() == ScalarKind.BOOL ? "getUnsigned" : "getSigned";
    CodeBlock get =
        CodeBlock.of("$T.$L($N, $LL, $L, BYTE_ORDER)", BITFIELDS, method, segment, bitOffset, bits);
    switch (type.kind()) {
      case BOOL:
        return CodeBlock.of("$L != 0", get);
      case I64:
        return get;
      default:
        return CodeBlock.of("($T) $L", type.kind().primitive(), get);
    }
  }

  /** A statement writing {@code value} into a {@code bits}-wide bitfield at {@code bitOffset}. */
  static CodeBlock writeBits(
      ScalarType type, String segment, long bitOffset, int bits, String value) {
    CodeBlock v =
        type.kind() == ScalarKind.BOOL
            ? CodeBlock.of("$N ? 1 : 0", value)
            : CodeBlock.of("$N", value);
    return CodeBlock.of(
        "$T.set($N, $LL, $L, BYTE_ORDER, $L)", BITFIELDS, segment, bitOffset, bits, v);
  }

  /** The scalar a type is held as: itself, or an enum's raw integer; null for the rest. */
  static @Nullable ScalarType scalarOf(JType type) {
    if (type instanceof ScalarType) {
      return (ScalarType) type;
    }
    if (type instanceof EnumType) {
      return ((EnumType) type).raw();
    }
    return null;
  }
}
