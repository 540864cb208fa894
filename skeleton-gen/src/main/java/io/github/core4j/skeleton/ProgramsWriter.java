package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramType;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The {@code Progs} class: one accessor per program, whose handle can test-run the program when the
 * kernel supports {@code BPF_PROG_TEST_RUN} for its type, attach it otherwise, or both (XDP to an
 * interface, raw tracepoints).
 */
final class ProgramsWriter {
  private static final String TYPED = "io.github.core4j.runtime.typed";

  private ProgramsWriter() {}

  static TypeSpec write(List<Program> programs, ClassName skeleton) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Progs")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "The object's programs. Handles exist from {@code open()} (to switch autoload); running"
                    + " and attaching need {@code load()}.\n")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    NameScope names =
        new NameScope("equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait");
    for (Program p : programs) {
      ClassName handle = ClassName.get(TYPED, handleClass(p.type()));
      type.addMethod(
          MethodSpec.methodBuilder(names.take(JavaNames.lowerCamel(p.name()), "Prog"))
              .addJavadoc(
                  "Program {@code $L} of section {@code $L} (program type {@code $L}).\n",
                  p.name(),
                  p.sectionName(),
                  p.type().toString().toLowerCase(java.util.Locale.ROOT))
              .addModifiers(Modifier.PUBLIC)
              .returns(handle)
              .addStatement(
                  "return view($S, () -> new $T($T.this, $S))",
                  "prog:" + p.name(),
                  handle,
                  skeleton,
                  p.name())
              .build());
    }
    return type.build();
  }

  /** The runtime handle class for programs of type {@code type}. */
  static String handleClass(ProgramType type) {
    switch (type) {
      case XDP:
        return "XdpProgram";
      case RAW_TRACEPOINT:
      case RAW_TRACEPOINT_WRITABLE:
        return "RawTracepointProgram";
      case SOCKET_FILTER:
      case SCHED_CLS:
      case SCHED_ACT:
      case CGROUP_SKB:
      case LWT_IN:
      case LWT_OUT:
      case LWT_XMIT:
      case LWT_SEG6LOCAL:
      case FLOW_DISSECTOR:
      case SK_LOOKUP:
      case SYSCALL:
        return "RunnableProgram";
      case STRUCT_OPS:
      case EXT:
      case UNSPEC:
        return "ProgramHandle";
      default:
        return "AttachableProgram";
    }
  }
}
