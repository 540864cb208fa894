package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** The Java primitives C scalars map to, with the layout constant each is read with. */
enum ScalarKind {
  BOOL(TypeName.BOOLEAN, 1, "I8", "bool"),
  I8(TypeName.BYTE, 1, "I8", "int8"),
  I16(TypeName.SHORT, 2, "I16", "int16"),
  I32(TypeName.INT, 4, "I32", "int32"),
  I64(TypeName.LONG, 8, "I64", "int64"),
  F32(TypeName.FLOAT, 4, "F32", "float32"),
  F64(TypeName.DOUBLE, 8, "F64", "float64");

  @SuppressWarnings("ImmutableEnumChecker") // JavaPoet's TypeName is immutable, not annotated
  private final TypeName primitive;

  private final int size;
  private final String layout;
  private final String codecFactory;

  ScalarKind(TypeName primitive, int size, String layout, String codecFactory) {
    this.primitive = primitive;
    this.size = size;
    this.layout = layout;
    this.codecFactory = codecFactory;
  }

  /** The Java primitive. */
  TypeName primitive() {
    return primitive;
  }

  /** The boxed type, for generics. */
  TypeName boxed() {
    return primitive.box();
  }

  /** The size in bytes. */
  int size() {
    return size;
  }

  /** The name of the generated {@code ValueLayout} constant it is read with. */
  String layout() {
    return layout;
  }

  /** The {@code Codec} factory method of a single value. */
  String codecFactory() {
    return codecFactory;
  }

  /** Whether {@code Codec.<factory>} takes a byte order argument. */
  boolean hasOrder() {
    return size > 1;
  }

  /** The {@code Codec} factory method of an array, or null when arrays of it are bytes. */
  String arrayCodecFactory() {
    return this == BOOL || this == I8 ? "bytes" : codecFactory + "Array";
  }

  /** The Java array type an array of this maps to. */
  TypeName arrayType() {
    TypeName element = this == BOOL ? TypeName.BYTE : primitive;
    return com.palantir.javapoet.ArrayTypeName.of(element);
  }

  /** The scalar for an integer of {@code size} bytes. */
  static ScalarKind ofIntSize(int size) {
    switch (size) {
      case 1:
        return I8;
      case 2:
        return I16;
      case 4:
        return I32;
      case 8:
        return I64;
      default:
        throw new IllegalArgumentException("no Java primitive holds a " + size + "-byte integer");
    }
  }

  static final ClassName CODEC = ClassName.get("io.github.core4j.runtime.typed", "Codec");
}
