package io.github.core4j.skeleton;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.btf.BtfComposite;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A C struct as a Java record: one component per member, {@code decode}/{@code encode} at the exact
 * BTF offsets (bitfields by bit offset), {@code SIZE} and a {@code CODEC} for typed maps.
 */
final class RecordWriter {
  static final ClassName MEMORY_SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final ClassName C_STRINGS = ClassName.get("io.github.core4j.runtime.typed", "CStrings");

  private RecordWriter() {}

  static TypeSpec write(TypeResolver types, BtfComposite c, ClassName name, String cType) {
    NameScope names = Fields.memberScope();
    List<Field> fields = Fields.of(types, c, name, names);
    TypeSpec.Builder record =
        TypeSpec.recordBuilder(name.simpleName()).addModifiers(Modifier.PUBLIC);
    StringBuilder doc = new StringBuilder();
    doc.append("C ")
        .append(Docs.code(cType))
        .append(" (")
        .append(c.size())
        .append(
            " bytes), as a record.\n\n<p>{@link #decode} and {@link #encode} use the C layout:"
                + " member offsets, padding and bitfield positions from the object's BTF, in its byte"
                + " order.\n");
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    for (Field f : fields) {
      ctor.addParameter(ParameterSpec.builder(f.type().javaType(), f.javaName()).build());
      doc.append("\n@param ")
          .append(f.javaName())
          .append(" ")
          .append(Docs.code(f.cName()))
          .append(" ")
          .append(f.where())
          .append(": ")
          .append(Docs.type(f.type()));
    }
    record.recordConstructor(ctor.build());
    record.addJavadoc("$L\n", doc);
    addCodecMembers(record, name, c.size());

    CodeBlock.Builder decode = CodeBlock.builder();
    if (fields.isEmpty()) {
      decode.addStatement("return new $T()", name);
    } else {
      decode.add("return new $T(\n$>$>", name);
      for (int i = 0; i < fields.size(); i++) {
        decode.add("$L$L", read(fields.get(i)), i + 1 < fields.size() ? ",\n" : "");
      }
      decode.add(");\n$<$<");
    }
    record.addMethod(
        MethodSpec.methodBuilder("decode")
            .addJavadoc(
                "Reads a {@code $L} from the first {@link #SIZE} bytes of {@code segment}.\n",
                cType)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(MEMORY_SEGMENT, "segment")
            .addCode(decode.build())
            .build());
    MethodSpec.Builder encode =
        MethodSpec.methodBuilder("encode")
            .addJavadoc(
                "Writes this record into the first {@link #SIZE} bytes of {@code segment}, member by"
                    + " member; padding bytes are left as they are.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(MEMORY_SEGMENT, "segment");
    for (Field f : fields) {
      encode.addStatement("$L", write(f, f.javaName()));
    }
    record.addMethod(encode.build());
    addByteMethods(record, name);
    for (Field f : fields) {
      addConveniences(record, f, names);
    }
    if (fields.stream().anyMatch(f -> f.type().javaType() instanceof ArrayTypeName)) {
      addValueMethods(record, name, fields);
    }
    for (TypeSpec nested : types.nestedTypes(name)) {
      record.addType(nested);
    }
    return record.build();
  }

  /** {@code SIZE} and {@code CODEC} of a generated struct or union class. */
  static void addCodecMembers(TypeSpec.Builder type, ClassName name, long size) {
    type.addField(
        FieldSpec.builder(TypeName.LONG, "SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The size of the C type in bytes.\n")
            .initializer("$LL", size)
            .build());
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(ScalarKind.CODEC, name),
                "CODEC",
                Modifier.PUBLIC,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("Converts between this type and its C bytes, for typed maps.\n")
            .initializer("$T.of(SIZE, $T::encode, $T::decode)", ScalarKind.CODEC, name, name)
            .build());
  }

  private static void addByteMethods(TypeSpec.Builder record, ClassName name) {
    record.addMethod(
        MethodSpec.methodBuilder("toBytes")
            .addJavadoc("The C bytes of this record, padding zeroed.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(byte[].class)
            .addStatement("return CODEC.toBytes(this)")
            .build());
    record.addMethod(
        MethodSpec.methodBuilder("fromBytes")
            .addJavadoc("The record held by {@code bytes} (at least {@link #SIZE} long).\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(byte[].class, "bytes")
            .addStatement("return CODEC.fromBytes(bytes)")
            .build());
  }

  private static void addConveniences(TypeSpec.Builder record, Field f, NameScope names) {
    if (f.type() instanceof EnumType) {
      EnumType e = (EnumType) f.type();
      record.addMethod(
          MethodSpec.methodBuilder(names.take(f.javaName() + "Enum", "_"))
              .addJavadoc(
                  "{@code $L} as a {@code $L}; {@code UNKNOWN} for values the C enum does not"
                      + " name.\n",
                  f.cName(),
                  e.enumClass().simpleName())
              .addModifiers(Modifier.PUBLIC)
              .returns(e.enumClass())
              .addStatement("return $L", e.toEnum(f.javaName()))
              .build());
    }
    if (f.type() instanceof ArrayType && ((ArrayType) f.type()).isCharArray()) {
      record.addMethod(
          MethodSpec.methodBuilder(names.take(f.javaName() + "String", "_"))
              .addJavadoc("{@code $L} as text: its UTF-8 bytes up to the first NUL.\n", f.cName())
              .addModifiers(Modifier.PUBLIC)
              .returns(String.class)
              .addStatement("return $T.decode($N)", C_STRINGS, f.javaName())
              .build());
    }
  }

  /**
   * {@code equals}, {@code hashCode} and {@code toString} by array contents: a record's own would
   * compare arrays by identity.
   */
  private static void addValueMethods(TypeSpec.Builder record, ClassName name, List<Field> fields) {
    CodeBlock.Builder equals = CodeBlock.builder().add("return o instanceof $T other", name);
    CodeBlock.Builder hash = CodeBlock.builder().addStatement("int h = 0");
    CodeBlock.Builder text = CodeBlock.builder().add("return $S", name.simpleName() + "[");
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      String n = f.javaName();
      TypeName t = f.type().javaType();
      if (t instanceof ArrayTypeName) {
        equals.add("\n$>&& $T.equals($N, other.$N)$<", ARRAYS, n, n);
        hash.addStatement("h = 31 * h + $T.hashCode($N)", ARRAYS, n);
        text.add("\n$>+ $S + $T.toString($N)$<", (i == 0 ? "" : ", ") + n + "=", ARRAYS, n);
      } else {
        if (t.equals(TypeName.FLOAT) || t.equals(TypeName.DOUBLE)) {
          equals.add("\n$>&& $T.compare($N, other.$N) == 0$<", t.box(), n, n);
        } else if (t.isPrimitive()) {
          equals.add("\n$>&& $N == other.$N$<", n, n);
        } else {
          equals.add("\n$>&& $N.equals(other.$N)$<", n, n);
        }
        hash.addStatement(
            "h = 31 * h + $T.hashCode($N)",
            t.isPrimitive() ? t.box() : ClassName.get(java.util.Objects.class),
            n);
        text.add("\n$>+ $S + $N$<", (i == 0 ? "" : ", ") + n + "=", n);
      }
    }
    record.addMethod(
        MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(Object.class, "o")
            .addCode(equals.add(";\n").build())
            .build());
    record.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addCode(hash.addStatement("return h").build())
            .build());
    record.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addCode(text.add("\n$>+ $S$<;\n", "]").build())
            .build());
  }

  /** The expression reading field {@code f} from {@code segment}. */
  static CodeBlock read(Field f) {
    if (f.isBitfield()) {
      ScalarType scalar = MemberCode.scalarOf(f.type());
      return MemberCode.readBits(
          java.util.Objects.requireNonNull(scalar), "segment", f.bitOffset(), f.bits());
    }
    return MemberCode.read(f.type(), "segment", f.byteOffset());
  }

  /** The statement writing {@code value} as field {@code f} into {@code segment}. */
  static CodeBlock write(Field f, String value) {
    if (f.isBitfield()) {
      ScalarType scalar = MemberCode.scalarOf(f.type());
      return MemberCode.writeBits(
          java.util.Objects.requireNonNull(scalar), "segment", f.bitOffset(), f.bits(), value);
    }
    return MemberCode.write(f.type(), "segment", f.byteOffset(), value);
  }
}
