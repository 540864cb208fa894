package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * A C struct (a generated record) or union (a generated view class over its bytes).
 *
 * @param className the generated class
 * @param size the C size in bytes
 * @param cType the C spelling
 */
record CompositeType(ClassName className, long size, String cType) implements JType {
  @Override
  public TypeName javaType() {
    return className;
  }

  @Override
  public CodeBlock codec() {
    return CodeBlock.of("$T.CODEC", className);
  }
}
