package io.github.core4j.skeleton;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.btf.BtfUnion;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A C union as a view over its bytes: the bytes are the value (so every member survives a round
 * trip), each member has an accessor reading it from them, and {@code ofMember} factories build a
 * union holding one member.
 */
final class UnionWriter {
  private static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  private static final ClassName HEX = ClassName.get("java.util", "HexFormat");

  private UnionWriter() {}

  static TypeSpec write(TypeResolver types, BtfUnion u, ClassName name, String cType) {
    NameScope names = Fields.unionMemberScope();
    List<Field> fields = Fields.of(types, u, name, names);
    TypeSpec.Builder view =
        TypeSpec.classBuilder(name.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "C $L ($L bytes), as a view over its bytes: each member reads its own"
                    + " interpretation of them.\n",
                Docs.code(cType),
                u.size());
    RecordWriter.addCodecMembers(view, name, u.size());
    view.addField(
        FieldSpec.builder(
                ArrayTypeName.of(TypeName.BYTE), "bytes", Modifier.PRIVATE, Modifier.FINAL)
            .build());
    view.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(byte[].class, "bytes")
            .addStatement("this.bytes = bytes")
            .build());
    view.addMethod(
        MethodSpec.methodBuilder("decode")
            .addJavadoc("The union held by the first {@link #SIZE} bytes of {@code segment}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(RecordWriter.MEMORY_SEGMENT, "segment")
            .addStatement(
                "return new $T(segment.asSlice(0L, SIZE).toArray($T.JAVA_BYTE))",
                name,
                VALUE_LAYOUT)
            .build());
    view.addMethod(
        MethodSpec.methodBuilder("fromBytes")
            .addJavadoc("The union held by {@code bytes} (exactly {@link #SIZE} long).\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(byte[].class, "bytes")
            .beginControlFlow("if (bytes.length != SIZE)")
            .addStatement(
                "throw new IllegalArgumentException($S + SIZE + $S + bytes.length)",
                "the union is ",
                " bytes, not ")
            .endControlFlow()
            .addStatement("return new $T(bytes.clone())", name)
            .build());
    view.addMethod(
        MethodSpec.methodBuilder("encode")
            .addJavadoc(
                "Writes the union's bytes into the first {@link #SIZE} bytes of {@code segment}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RecordWriter.MEMORY_SEGMENT, "segment")
            .addStatement(
                "$T.copy(bytes, 0, segment, $T.JAVA_BYTE, 0L, bytes.length)",
                RecordWriter.MEMORY_SEGMENT,
                VALUE_LAYOUT)
            .build());
    view.addMethod(
        MethodSpec.methodBuilder("toBytes")
            .addJavadoc("A copy of the union's bytes.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(byte[].class)
            .addStatement("return bytes.clone()")
            .build());
    for (Field f : fields) {
      view.addMethod(
          MethodSpec.methodBuilder(f.javaName())
              .addJavadoc(
                  "Member $L $L: $L.\n", Docs.code(f.cName()), f.where(), Docs.type(f.type()))
              .addModifiers(Modifier.PUBLIC)
              .returns(f.type().javaType())
              .addStatement(
                  "$T segment = $T.ofArray(bytes)",
                  RecordWriter.MEMORY_SEGMENT,
                  RecordWriter.MEMORY_SEGMENT)
              .addStatement("return $L", RecordWriter.read(f))
              .build());
      String factory = names.take("of" + JavaNames.upperCamel(f.javaName()), "_");
      view.addMethod(
          MethodSpec.methodBuilder(factory)
              .addJavadoc(
                  "A union holding member $L = {@code value}, its other bytes zero.\n",
                  Docs.code(f.cName()))
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(name)
              .addParameter(f.type().javaType(), "value")
              .addStatement("byte[] bytes = new byte[(int) SIZE]")
              .addStatement(
                  "$T segment = $T.ofArray(bytes)",
                  RecordWriter.MEMORY_SEGMENT,
                  RecordWriter.MEMORY_SEGMENT)
              .addStatement("$L", RecordWriter.write(f, "value"))
              .addStatement("return new $T(bytes)", name)
              .build());
    }
    view.addMethod(
        MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(Object.class, "o")
            .addStatement(
                "return o instanceof $T other && $T.equals(bytes, other.bytes)", name, ARRAYS)
            .build());
    view.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return $T.hashCode(bytes)", ARRAYS)
            .build());
    view.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement(
                "return $S + $T.of().formatHex(bytes) + $S", name.simpleName() + "[", HEX, "]")
            .build());
    for (TypeSpec nested : types.nestedTypes(name)) {
      view.addType(nested);
    }
    return view.build();
  }
}
