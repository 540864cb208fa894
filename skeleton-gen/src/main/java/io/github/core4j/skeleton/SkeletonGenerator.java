package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.btf.Btf;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.Program;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/** Generates the skeleton class of one BPF object. */
public final class SkeletonGenerator {
  private static final ClassName BPF_SKELETON =
      ClassName.get("io.github.core4j.runtime.typed", "BpfSkeleton");
  private static final ClassName BYTE_ORDER = ClassName.get("java.nio", "ByteOrder");
  private static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");

  private SkeletonGenerator() {}

  /**
   * Generates {@code packageName.className} for {@code object}; {@code className} defaults (when
   * {@code null}) to the object's file name in UpperCamelCase ({@code xdp_filter.bpf.o} → {@code
   * XdpFilter}). The same object and names always give the same source, formatted as
   * google-java-format formats it.
   *
   * @throws IllegalArgumentException when the package or class name is not a Java name
   */
  public static GeneratedSkeleton generate(
      BpfObject object, byte[] objectBytes, String packageName, @Nullable String className) {
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("'" + packageName + "' is not a Java package name");
    }
    String simple = className != null ? className : defaultClassName(object);
    if (!SourceVersion.isIdentifier(simple) || SourceVersion.isKeyword(simple)) {
      throw new IllegalArgumentException("'" + simple + "' is not a Java class name");
    }
    ClassName skeleton = ClassName.get(packageName, simple);
    String fileName = fileName(object);
    Btf btf = object.btf().orElseGet(() -> emptyBtf(object));

    List<DataSection> sections = new ArrayList<>();
    for (DataSection d : object.dataSections()) {
      if (GlobalsWriter.exposes(d)) {
        sections.add(d);
      }
    }
    NameScope topScope = new NameScope(simple, "Maps", "Progs");
    List<ClassName> sectionClasses = new ArrayList<>();
    for (DataSection d : sections) {
      sectionClasses.add(
          skeleton.nestedClass(topScope.take(GlobalsWriter.className(d), "Section")));
    }
    TypeResolver types = new TypeResolver(btf, skeleton, topScope);

    TypeSpec.Builder type =
        TypeSpec.classBuilder(simple)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(BPF_SKELETON)
            .addJavadoc("$L", classDoc(object, fileName, simple));
    addConstants(type, object.byteOrder(), simple);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(byte[].class, "objectBytes")
            .addStatement("super(objectBytes, $S)", fileName)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("open")
            .addJavadoc(
                "Opens the object embedded beside this class (resource {@link #RESOURCE}); nothing"
                    + " touches the kernel until {@code load()}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(skeleton)
            .addStatement("return new $T(resource($T.class, RESOURCE))", skeleton, skeleton)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("open")
            .addJavadoc(
                "Opens {@code objectBytes} instead of the embedded object: a build of the same C"
                    + " source (same maps, programs and globals).\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(skeleton)
            .addParameter(byte[].class, "objectBytes")
            .addStatement("return new $T(objectBytes)", skeleton)
            .build());

    List<TypeSpec> sectionSpecs = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      DataSection d = sections.get(i);
      ClassName sc = sectionClasses.get(i);
      sectionSpecs.add(GlobalsWriter.write(types, d, sc));
      type.addMethod(
          MethodSpec.methodBuilder(JavaNames.lowerCamel(d.name()))
              .addJavadoc(
                  "The variables of {@code $L}$L.\n",
                  d.name(),
                  d.kind() == MapKind.RODATA ? " (settable before load only)" : "")
              .addModifiers(Modifier.PUBLIC)
              .returns(sc)
              .addStatement("return new $T()", sc)
              .build());
    }
    List<MapDefinition> maps = object.maps();
    TypeSpec mapsSpec = MapsWriter.write(types, maps);
    TypeSpec progsSpec = ProgramsWriter.write(object.programs(), skeleton);
    ClassName mapsClass = skeleton.nestedClass("Maps");
    ClassName progsClass = skeleton.nestedClass("Progs");
    type.addMethod(
        MethodSpec.methodBuilder("maps")
            .addJavadoc("The maps, typed (after load).\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(mapsClass)
            .addStatement("return new $T()", mapsClass)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("progs")
            .addJavadoc("The programs.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(progsClass)
            .addStatement("return new $T()", progsClass)
            .build());
    for (TypeSpec s : sectionSpecs) {
      type.addType(s);
    }
    type.addType(mapsSpec);
    type.addType(progsSpec);
    for (TypeSpec t : types.topLevelTypes()) {
      type.addType(t);
    }
    JavaFile file =
        JavaFile.builder(packageName, type.build())
            .skipJavaLangImports(true)
            .indent("  ")
            .addFileComment(
                "Generated by core4j from $L. Do not edit: regenerate instead.", fileName)
            .build();
    return new GeneratedSkeleton(
        packageName, simple, SourceFormatter.format(file.toString()), objectBytes);
  }

  /** {@code xdp_filter.bpf.o} → {@code XdpFilter}. */
  static String defaultClassName(BpfObject object) {
    String name = JavaNames.upperCamel(object.name());
    return name.isEmpty() ? "Skeleton" : name;
  }

  private static String fileName(BpfObject object) {
    Path p = Path.of(object.source()).getFileName();
    return p == null ? object.name() + ".bpf.o" : p.toString();
  }

  private static Btf emptyBtf(BpfObject object) {
    return new BtfBuilder().build(object.byteOrder(), object.source() + " (no BTF)");
  }

  private static void addConstants(TypeSpec.Builder type, ByteOrder order, String simple) {
    String orderName = order == ByteOrder.BIG_ENDIAN ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
    type.addField(
        FieldSpec.builder(
                BYTE_ORDER, "BYTE_ORDER", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The object's byte order: every value is encoded in it.\n")
            .initializer("$T.$L", BYTE_ORDER, orderName)
            .build());
    type.addField(
        FieldSpec.builder(
                String.class, "RESOURCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The class-path resource, beside this class, holding the object.\n")
            .initializer("$S", simple + ".bpf.o")
            .build());
    layout(type, "I8", "OfByte", "JAVA_BYTE", false);
    layout(type, "I16", "OfShort", "JAVA_SHORT_UNALIGNED", true);
    layout(type, "I32", "OfInt", "JAVA_INT_UNALIGNED", true);
    layout(type, "I64", "OfLong", "JAVA_LONG_UNALIGNED", true);
    layout(type, "F32", "OfFloat", "JAVA_FLOAT_UNALIGNED", true);
    layout(type, "F64", "OfDouble", "JAVA_DOUBLE_UNALIGNED", true);
  }

  private static void layout(
      TypeSpec.Builder type, String name, String layoutClass, String constant, boolean ordered) {
    FieldSpec.Builder f =
        FieldSpec.builder(
            VALUE_LAYOUT.nestedClass(layoutClass),
            name,
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL);
    if (ordered) {
      f.initializer("$T.$L.withOrder(BYTE_ORDER)", VALUE_LAYOUT, constant);
    } else {
      f.initializer("$T.$L", VALUE_LAYOUT, constant);
    }
    type.addField(f.build());
  }

  private static String classDoc(BpfObject object, String fileName, String simple) {
    StringBuilder doc = new StringBuilder();
    doc.append("Skeleton of BPF object {@code ")
        .append(fileName)
        .append("}: typed access to its programs, maps and global variables.\n\n<pre>{@code\n")
        .append("try (")
        .append(simple)
        .append(" skel = ")
        .append(simple)
        .append(".open()) {\n  // set .rodata variables here\n  skel.load();\n  skel.attach();\n")
        .append(
            "  // use skel.maps(), skel.progs(), skel.bss()...\n}\n}</pre>\n\n<p>Programs:\n<ul>\n");
    for (Program p : object.programs()) {
      doc.append("  <li>{@code ")
          .append(p.name())
          .append("} in section {@code ")
          .append(p.sectionName())
          .append("}\n");
    }
    doc.append("</ul>\n");
    List<String> mapNames = new ArrayList<>();
    for (MapDefinition m : object.maps()) {
      if (m.kind() == MapKind.BTF_DEFINED || m.kind() == MapKind.STRUCT_OPS) {
        mapNames.add("{@code " + m.name() + "}");
      }
    }
    if (!mapNames.isEmpty()) {
      doc.append("\n<p>Maps: ").append(String.join(", ", mapNames)).append(".\n");
    }
    return doc.toString();
  }
}
