package io.github.core4j.elf.object;

/**
 * Everything a {@link BpfObject} holds, one fact per line, except raw data bytes (whose byte order
 * follows the object's): records print their components, byte buffers only their length. Without
 * code, program contents are reduced to what does not depend on the instructions clang chose:
 * relocation targets, called subprograms and function info types (line info and CO-RE records
 * follow the generated code, which differs between byte orders where the source swaps bytes).
 */
final class ModelDump {
  private ModelDump() {}

  static String of(BpfObject obj) {
    return of(obj, true);
  }

  static String withoutCode(BpfObject obj) {
    return of(obj, false);
  }

  private static String of(BpfObject obj, boolean code) {
    StringBuilder sb = new StringBuilder();
    sb.append("object ").append(obj.name()).append(" license=").append(obj.license());
    sb.append(" version=").append(obj.kernelVersion()).append('\n');
    for (Program p : obj.programs()) {
      program(sb, "program", p, code);
    }
    for (Program p : obj.subprograms()) {
      program(sb, "subprogram", p, code);
    }
    for (MapDefinition m : obj.maps()) {
      sb.append("map ").append(m).append('\n');
    }
    for (DataSection d : obj.dataSections()) {
      sb.append("data ")
          .append(d.name())
          .append(' ')
          .append(d.mapName())
          .append(' ')
          .append(d.kind())
          .append(" size=")
          .append(d.size())
          .append(" datasec=")
          .append(d.datasecId())
          .append(" initial=")
          .append(d.initialData().remaining())
          .append('\n');
      for (GlobalVariable v : d.variables()) {
        sb.append("  ").append(v).append('\n');
      }
    }
    for (Extern e : obj.externs()) {
      sb.append("extern ").append(e).append('\n');
    }
    return sb.toString();
  }

  private static void program(StringBuilder sb, String what, Program p, boolean code) {
    sb.append(what)
        .append(' ')
        .append(p.name())
        .append(" section=")
        .append(p.sectionName())
        .append('/')
        .append(p.sectionIndex())
        .append(" at=")
        .append(code ? Integer.toString(p.sectionInsnOffset()) : "?")
        .append(" type=")
        .append(p.type())
        .append(" attach=")
        .append(p.expectedAttachType())
        .append(" autoload=")
        .append(p.autoload())
        .append(" global=")
        .append(p.global())
        .append(" hidden=")
        .append(p.hidden())
        .append('\n');
    if (!code) {
      p.relocations().forEach(r -> sb.append("  ").append(r.target()).append('\n'));
      p.calls().forEach(c -> sb.append("  calls ").append(c.subprogram()).append('\n'));
      p.funcInfo().forEach(f -> sb.append("  func ").append(f.typeId()).append('\n'));
      return;
    }
    for (int i = 0; i < p.insns().size(); i++) {
      sb.append("  insn ").append(i).append(' ').append(p.insns().get(i)).append('\n');
    }
    p.relocations().forEach(r -> sb.append("  ").append(r).append('\n'));
    p.calls().forEach(c -> sb.append("  ").append(c).append('\n'));
    p.funcInfo().forEach(f -> sb.append("  ").append(f).append('\n'));
    p.lineInfo().forEach(l -> sb.append("  ").append(l).append('\n'));
    p.coreRelos().forEach(c -> sb.append("  ").append(c).append('\n'));
  }
}
