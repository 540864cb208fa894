package io.github.core4j.skeleton;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * A C type with no better Java form ({@code __int128}, a map without BTF key or value type): its
 * bytes.
 *
 * @param size the C size in bytes
 * @param cType the C spelling
 */
record OpaqueType(long size, String cType) implements JType {
  @Override
  public TypeName javaType() {
    return ArrayTypeName.of(TypeName.BYTE);
  }

  @Override
  public CodeBlock codec() {
    return CodeBlock.of("$T.bytes($L)", ScalarKind.CODEC, size);
  }
}
