package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfType;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A C enum as a Java enum: one constant per enumerator with its value, and {@code UNKNOWN} for
 * values the C enum does not name (the raw value stays in the record or variable it came from).
 */
final class EnumWriter {
  private EnumWriter() {}

  static TypeSpec write(BtfType t, ClassName name, String cType) {
    Map<String, Long> values = new LinkedHashMap<>();
    if (t instanceof BtfEnum) {
      BtfEnum e = (BtfEnum) t;
      for (int i = 0; i < e.values().size(); i++) {
        values.putIfAbsent(e.values().get(i).name(), e.valueAt(i));
      }
    } else {
      for (BtfEnum64Value v : ((BtfEnum64) t).values()) {
        values.putIfAbsent(v.name(), v.value());
      }
    }
    NameScope names = new NameScope("UNKNOWN", "value", "of", "values", "valueOf");
    TypeSpec.Builder e =
        TypeSpec.enumBuilder(name.simpleName())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("C $L: its enumerators and their values.\n", Docs.code(cType));
    for (Map.Entry<String, Long> v : values.entrySet()) {
      String constant = names.take(JavaNames.constant(v.getKey()), "_");
      e.addEnumConstant(
          constant,
          TypeSpec.anonymousClassBuilder("$LL", v.getValue())
              .addJavadoc("{@code $L} = $L.\n", v.getKey(), v.getValue())
              .build());
    }
    String unknown = values.containsKey("UNKNOWN") ? "UNKNOWN_VALUE" : "UNKNOWN";
    e.addEnumConstant(
        unknown,
        TypeSpec.anonymousClassBuilder("0L")
            .addJavadoc("A value the C enum does not name.\n")
            .build());
    e.addField(FieldSpec.builder(TypeName.LONG, "value", Modifier.PRIVATE, Modifier.FINAL).build());
    e.addMethod(
        MethodSpec.constructorBuilder()
            .addParameter(long.class, "value")
            .addStatement("this.value = value")
            .build());
    e.addMethod(
        MethodSpec.methodBuilder("value")
            .addJavadoc(
                "The enumerator's C value; throws for {@code $L}, which has none.\n", unknown)
            .addModifiers(Modifier.PUBLIC)
            .returns(long.class)
            .beginControlFlow("if (this == $L)", unknown)
            .addStatement(
                "throw new IllegalStateException($S)",
                unknown + " has no C value: keep the raw value it was decoded from")
            .endControlFlow()
            .addStatement("return value")
            .build());
    e.addMethod(
        MethodSpec.methodBuilder("of")
            .addJavadoc(
                "The enumerator whose value is {@code raw} (the first, for aliases), else {@code"
                    + " $L}.\n",
                unknown)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(long.class, "raw")
            .beginControlFlow("for ($T e : values())", name)
            .beginControlFlow("if (e != $L && e.value == raw)", unknown)
            .addStatement("return e")
            .endControlFlow()
            .endControlFlow()
            .addStatement("return $L", unknown)
            .build());
    return e.build();
  }
}
