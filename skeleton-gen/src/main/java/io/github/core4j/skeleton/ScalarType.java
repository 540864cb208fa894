package io.github.core4j.skeleton;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * A C integer, {@code bool}, floating point number or pointer as a Java primitive. Java has no
 * unsigned types: unsigned values keep their bits (a {@code __u32} of 4294967295 reads as -1; use
 * {@code Integer.toUnsignedLong}).
 *
 * @param kind the primitive
 * @param unsigned whether the C type is unsigned
 * @param pointer whether the C type is a pointer (its value is an address, meaningless in Java)
 * @param cType the C spelling
 */
record ScalarType(ScalarKind kind, boolean unsigned, boolean pointer, String cType)
    implements JType {
  @Override
  public TypeName javaType() {
    return kind.primitive();
  }

  @Override
  public long size() {
    return kind.size();
  }

  @Override
  public CodeBlock codec() {
    return kind.hasOrder()
        ? CodeBlock.of("$T.$L(BYTE_ORDER)", ScalarKind.CODEC, kind.codecFactory())
        : CodeBlock.of("$T.$L()", ScalarKind.CODEC, kind.codecFactory());
  }

  /** "unsigned 32-bit", "signed 8-bit", "bool", "pointer", for Javadoc. */
  String describe() {
    if (pointer) {
      return "a pointer: an address of the BPF side";
    }
    switch (kind) {
      case BOOL:
        return "C bool";
      case F32:
      case F64:
        return "floating point";
      default:
        return (unsigned ? "unsigned " : "signed ") + (8 * kind.size()) + "-bit";
    }
  }
}
