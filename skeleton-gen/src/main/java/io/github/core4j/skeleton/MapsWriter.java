package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import java.util.List;
import java.util.OptionalInt;
import javax.lang.model.element.Modifier;

/**
 * The {@code Maps} class: one accessor per map of {@code .maps} (and {@code struct_ops}), typed by
 * map type — hash-like maps as {@code TypedMap<K, V>}, arrays as {@code TypedArrayMap<V>}, per-CPU
 * maps with a list of values per key, ring buffers as {@code TypedRingBuffer<T>}, program and map
 * arrays by what they hold; other types as the untyped {@code BpfMap}.
 */
final class MapsWriter {
  private static final String TYPED = "io.github.core4j.runtime.typed";
  private static final ClassName BPF_MAP = ClassName.get("io.github.core4j.runtime.map", "BpfMap");

  private MapsWriter() {}

  static TypeSpec write(TypeResolver types, List<MapDefinition> maps) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Maps")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "The object's maps, typed from their BTF key and value types. Available after {@code"
                    + " load()}.\n")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    NameScope names =
        new NameScope("equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait");
    for (MapDefinition m : maps) {
      if (m.kind() != MapKind.BTF_DEFINED && m.kind() != MapKind.STRUCT_OPS) {
        continue;
      }
      type.addMethod(accessor(types, m, names.take(JavaNames.lowerCamel(m.name()), "Map")));
    }
    return type.build();
  }

  private static MethodSpec accessor(TypeResolver types, MapDefinition m, String javaName) {
    String base = JavaNames.upperCamel(m.name());
    JType key = keyType(types, m, base);
    JType value = valueType(types, m, base);
    TypeName returns;
    CodeBlock create;
    CodeBlock raw = CodeBlock.of("loaded().map($S)", m.name());
    String what;
    switch (m.type()) {
      case HASH:
      case LRU_HASH:
      case LPM_TRIE:
        returns = generic("TypedMap", key.boxedType(), value.boxedType());
        create =
            CodeBlock.of(
                "new $T<>($L, $L, $L)", typed("TypedMap"), raw, key.codec(), value.codec());
        what = "key " + Docs.code(key.cType()) + ", value " + Docs.code(value.cType());
        break;
      case ARRAY:
        returns = generic("TypedArrayMap", value.boxedType());
        create =
            CodeBlock.of(
                "new $T<>($L, $L, BYTE_ORDER)", typed("TypedArrayMap"), raw, value.codec());
        what = "value " + Docs.code(value.cType());
        break;
      case PERCPU_HASH:
      case LRU_PERCPU_HASH:
        returns = generic("TypedPerCpuMap", key.boxedType(), value.boxedType());
        create =
            CodeBlock.of(
                "new $T<>($L, $L, $L)", typed("TypedPerCpuMap"), raw, key.codec(), value.codec());
        what = "key " + Docs.code(key.cType()) + ", one " + Docs.code(value.cType()) + " per CPU";
        break;
      case PERCPU_ARRAY:
        returns = generic("TypedPerCpuArrayMap", value.boxedType());
        create =
            CodeBlock.of(
                "new $T<>($L, $L, BYTE_ORDER)", typed("TypedPerCpuArrayMap"), raw, value.codec());
        what = "one " + Docs.code(value.cType()) + " per CPU";
        break;
      case RINGBUF:
        JType record = ringRecord(types, m);
        returns = generic("TypedRingBuffer", record.boxedType());
        create = CodeBlock.of("new $T<>($L, $L)", typed("TypedRingBuffer"), raw, ringCodec(record));
        what =
            record instanceof OpaqueType
                ? "records as bytes (no struct of the map's name in the object's BTF)"
                : "records of " + Docs.code(record.cType()) + " (the struct named like the map)";
        break;
      case QUEUE:
      case STACK:
        returns = generic("TypedQueue", value.boxedType());
        create = CodeBlock.of("new $T<>($L, $L)", typed("TypedQueue"), raw, value.codec());
        what = "values " + Docs.code(value.cType());
        break;
      case PROG_ARRAY:
        returns = typed("ProgramArray");
        create = CodeBlock.of("new $T($L)", typed("ProgramArray"), raw);
        what = "programs for tail calls";
        break;
      case ARRAY_OF_MAPS:
      case HASH_OF_MAPS:
        returns = generic("MapOfMaps", key.boxedType());
        create = CodeBlock.of("new $T<>($L, $L)", typed("MapOfMaps"), raw, key.codec());
        what = "key " + Docs.code(key.cType()) + ", inner maps";
        break;
      default:
        returns = BPF_MAP;
        create = null;
        what = "untyped";
        break;
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(javaName)
            .addJavadoc(
                "Map {@code $L} ($L, max_entries $L, section {@code $L}): $L.\n\n"
                    + "@throws IllegalStateException before {@code load()}\n",
                m.name(),
                m.type().toString().toLowerCase(java.util.Locale.ROOT),
                m.maxEntries(),
                m.sectionName(),
                what)
            .addModifiers(Modifier.PUBLIC)
            .returns(returns);
    if (create == null) {
      method.addStatement("return $L", raw);
    } else {
      method.addStatement("return view($S, () -> $L)", "map:" + m.name(), create);
    }
    return method.build();
  }

  private static JType keyType(TypeResolver types, MapDefinition m, String base) {
    return m.keyTypeId() != 0
        ? types.resolve(m.keyTypeId(), null, base + "Key")
        : new OpaqueType(m.keySize(), "(" + m.keySize() + "-byte key without BTF)");
  }

  private static JType valueType(TypeResolver types, MapDefinition m, String base) {
    return m.valueTypeId() != 0 && m.kind() == MapKind.BTF_DEFINED
        ? types.resolve(m.valueTypeId(), null, base + "Value")
        : new OpaqueType(m.valueSize(), "(" + m.valueSize() + "-byte value without BTF)");
  }

  /**
   * A ring buffer's record type: the struct named like the map ({@code events} → {@code struct
   * event} or {@code struct events}), when the object's BTF has one; the kernel's ringbuf maps
   * carry no value type.
   */
  private static JType ringRecord(TypeResolver types, MapDefinition m) {
    Btf btf = types.btf();
    String name = m.name();
    for (String candidate :
        new String[] {name, name.endsWith("s") ? name.substring(0, name.length() - 1) : name}) {
      OptionalInt id = btf.findByName(candidate, BtfKind.STRUCT);
      if (id.isPresent()) {
        return types.resolve(id.getAsInt(), null, candidate);
      }
    }
    return new OpaqueType(0, "record bytes");
  }

  private static CodeBlock ringCodec(JType record) {
    return record instanceof OpaqueType
        ? CodeBlock.of("$T.variableBytes()", ScalarKind.CODEC)
        : record.codec();
  }

  private static ClassName typed(String simple) {
    return ClassName.get(TYPED, simple);
  }

  private static TypeName generic(String simple, TypeName... args) {
    return ParameterizedTypeName.get(typed(simple), args);
  }
}
