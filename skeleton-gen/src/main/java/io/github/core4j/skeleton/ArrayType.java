package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

/**
 * A C array: a Java primitive array for scalars ({@code byte[]} for {@code char} and {@code bool}),
 * an immutable {@code List} of the element type otherwise.
 *
 * @param element the element type
 * @param count the number of elements
 * @param cType the C spelling
 */
record ArrayType(JType element, int count, String cType) implements JType {
  @Override
  public TypeName javaType() {
    ScalarType scalar = scalarElement();
    if (scalar != null) {
      return scalar.kind().arrayType();
    }
    return ParameterizedTypeName.get(ClassName.get("java.util", "List"), element.boxedType());
  }

  @Override
  public long size() {
    return element.size() * count;
  }

  @Override
  public CodeBlock codec() {
    ScalarType scalar = scalarElement();
    if (scalar == null) {
      return CodeBlock.of("$T.list($L, $L)", ScalarKind.CODEC, element.codec(), count);
    }
    String factory = scalar.kind().arrayCodecFactory();
    return factory.equals("bytes")
        ? CodeBlock.of("$T.bytes($L)", ScalarKind.CODEC, count)
        : CodeBlock.of("$T.$L($L, BYTE_ORDER)", ScalarKind.CODEC, factory, count);
  }

  /** Whether this is a C string buffer ({@code char[N]}). */
  boolean isCharArray() {
    ScalarType scalar = scalarElement();
    return scalar != null && scalar.kind() == ScalarKind.I8 && element.cType().endsWith("char");
  }

  private @Nullable ScalarType scalarElement() {
    if (element instanceof ScalarType) {
      return (ScalarType) element;
    }
    if (element instanceof EnumType) {
      return ((EnumType) element).raw();
    }
    return null;
  }
}
