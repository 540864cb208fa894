package io.github.core4j.skeleton;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * The Java form of one C type: its Java type, its size, its C spelling (for Javadoc) and the {@code
 * Codec} expression that converts it.
 */
sealed interface JType permits ScalarType, EnumType, CompositeType, ArrayType, OpaqueType {
  /** The Java type of a value. */
  TypeName javaType();

  /** The Java type as a type argument. */
  default TypeName boxedType() {
    return javaType().box();
  }

  /** The size of the C representation in bytes. */
  long size();

  /** The C spelling, e.g. {@code __u32} or {@code struct event}. */
  String cType();

  /** An expression of type {@code Codec<boxedType>}. */
  CodeBlock codec();
}
