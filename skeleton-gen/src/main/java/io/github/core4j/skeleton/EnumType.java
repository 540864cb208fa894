package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * A C enum: held as its raw integer (so values the C enum does not name survive a round trip), with
 * a generated Java enum to convert to.
 *
 * @param raw the integer the enum is stored as
 * @param enumClass the generated Java enum
 * @param cType the C spelling
 */
record EnumType(ScalarType raw, ClassName enumClass, String cType) implements JType {
  @Override
  public TypeName javaType() {
    return raw.javaType();
  }

  @Override
  public long size() {
    return raw.size();
  }

  @Override
  public CodeBlock codec() {
    return raw.codec();
  }

  /** {@code EventKind.of(<raw widened to long>)} for the raw value {@code name}. */
  CodeBlock toEnum(String name) {
    if (!raw.unsigned()) {
      return CodeBlock.of("$T.of($N)", enumClass, name);
    }
    switch (raw.kind()) {
      case I8:
        return CodeBlock.of("$T.of(Byte.toUnsignedLong($N))", enumClass, name);
      case I16:
        return CodeBlock.of("$T.of(Short.toUnsignedLong($N))", enumClass, name);
      case I32:
        return CodeBlock.of("$T.of(Integer.toUnsignedLong($N))", enumClass, name);
      default:
        return CodeBlock.of("$T.of($N)", enumClass, name);
    }
  }
}
