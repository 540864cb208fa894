package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.GlobalVariable;
import io.github.core4j.elf.object.MapKind;
import javax.lang.model.element.Modifier;

/**
 * One class per global data section ({@code .rodata} → {@code Rodata}, {@code .data.stats} → {@code
 * DataStats}) with a getter and a setter per exposed variable. Getters read the object's initial
 * data before load and the live map after; setters of {@code .rodata*} throw once loaded.
 */
final class GlobalsWriter {
  private GlobalsWriter() {}

  /**
   * The Java class name of section {@code section}: {@code .rodata.limits} → {@code RodataLimits}.
   */
  static String className(DataSection section) {
    return JavaNames.upperCamel(section.name());
  }

  /**
   * Whether the skeleton exposes {@code section}: global data with at least one exposed variable.
   */
  static boolean exposes(DataSection section) {
    if (section.kind() == MapKind.KCONFIG) {
      return false;
    }
    for (GlobalVariable v : section.variables()) {
      if (exposed(v)) {
        return true;
      }
    }
    return false;
  }

  static TypeSpec write(TypeResolver types, DataSection section, ClassName className) {
    boolean rodata = section.kind() == MapKind.RODATA;
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "The variables of section {@code $L} ($L bytes, internal map {@code $L}).$L\n",
                section.name(),
                section.size(),
                section.mapName(),
                rodata
                    ? " Programs only read them: set them after {@code open()} and before {@code"
                        + " load()}; the kernel freezes them at load."
                    : " Programs and Java share them: after load, reads and writes go to the live"
                        + " map.")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    NameScope names =
        new NameScope("equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait");
    for (GlobalVariable v : section.variables()) {
      if (!exposed(v)) {
        continue;
      }
      String javaName = names.take(JavaNames.lowerCamel(v.name()), "_");
      JType jt =
          v.typeId() == 0
              ? new OpaqueType(v.size(), "(no BTF)")
              : types.resolve(v.typeId(), null, v.name());
      String where =
          "Global "
              + Docs.code(v.name())
              + " at offset "
              + v.offset()
              + " of "
              + Docs.code(section.name())
              + ": "
              + Docs.type(jt)
              + ".";
      type.addMethod(
          MethodSpec.methodBuilder(javaName)
              .addJavadoc("$L\n", where)
              .addModifiers(Modifier.PUBLIC)
              .returns(jt.javaType())
              .addStatement(
                  "$T segment = globalData($S)", RecordWriter.MEMORY_SEGMENT, section.name())
              .addStatement("return $L", MemberCode.read(jt, "segment", v.offset()))
              .build());
      type.addMethod(
          MethodSpec.methodBuilder(javaName)
              .addJavadoc(
                  "Sets global $L.$L\n\n@return this, for chaining\n",
                  Docs.code(v.name()),
                  rodata ? " Before load only: throws {@link IllegalStateException} after." : "")
              .addModifiers(Modifier.PUBLIC)
              .returns(className)
              .addParameter(jt.javaType(), "value")
              .addStatement(
                  "$T segment = writableGlobalData($S, $L)",
                  RecordWriter.MEMORY_SEGMENT,
                  section.name(),
                  rodata)
              .addStatement("$L", MemberCode.write(jt, "segment", v.offset(), "value"))
              .addStatement("return this")
              .build());
      if (jt instanceof EnumType) {
        EnumType e = (EnumType) jt;
        type.addMethod(
            MethodSpec.methodBuilder(names.take(javaName + "Enum", "_"))
                .addJavadoc(
                    "Global $L as a {@code $L}.\n", Docs.code(v.name()), e.enumClass().simpleName())
                .addModifiers(Modifier.PUBLIC)
                .returns(e.enumClass())
                .addStatement("$T raw = $N()", jt.javaType(), javaName)
                .addStatement("return $L", e.toEnum("raw"))
                .build());
      }
      if (jt instanceof ArrayType && ((ArrayType) jt).isCharArray()) {
        String text = names.take(javaName + "String", "_");
        type.addMethod(
            MethodSpec.methodBuilder(text)
                .addJavadoc("Global $L as text, up to its first NUL.\n", Docs.code(v.name()))
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $T.decode($N())", RecordWriter.C_STRINGS, javaName)
                .build());
        type.addMethod(
            MethodSpec.methodBuilder(text)
                .addJavadoc(
                    "Sets global $L to {@code text} and NUL padding.$L\n\n@return this, for chaining\n",
                    Docs.code(v.name()),
                    rodata ? " Before load only." : "")
                .addModifiers(Modifier.PUBLIC)
                .returns(className)
                .addParameter(String.class, "text")
                .addStatement(
                    "return $N($T.encode(text, $L))",
                    javaName,
                    RecordWriter.C_STRINGS,
                    ((ArrayType) jt).count())
                .build());
      }
    }
    return type.build();
  }

  private static boolean exposed(GlobalVariable v) {
    return v.isExposed() && !v.name().contains(".") && v.size() > 0;
  }
}
