package io.github.core4j.elf.object;

/**
 * Renders a {@link BpfObject} in the format of {@code testdata/bpf/oracle/objinfo.c}, which prints
 * what libbpf 1.1 reports right after {@code bpf_object__open_file}.
 */
final class LibbpfView {
  private LibbpfView() {}

  static String render(String fileName, BpfObject obj) {
    StringBuilder sb = new StringBuilder();
    sb.append("object ").append(fileName).append('\n');
    for (Program p : obj.programs()) {
      sb.append("program ")
          .append(p.name())
          .append(" section=")
          .append(p.sectionName())
          .append(" type=")
          .append(p.type().libbpfName())
          .append(" expected_attach_type=")
          .append(attachTypeName(expectedAttachTypeValue(obj, p)))
          .append(" insns=")
          .append(p.insnCount())
          .append(" autoload=")
          .append(p.autoload() ? 1 : 0)
          .append('\n');
    }
    for (MapDefinition m : obj.maps()) {
      sb.append("map ")
          .append(m.name())
          .append(" type=")
          .append(m.type().libbpfName())
          .append(" key_size=")
          .append(Integer.toUnsignedString(m.keySize()))
          .append(" value_size=")
          .append(Integer.toUnsignedString(m.valueSize()))
          .append(" max_entries=")
          .append(Integer.toUnsignedString(m.maxEntries()))
          .append(" map_flags=0x")
          .append(Integer.toHexString(m.flags()))
          .append(" numa_node=")
          .append(Integer.toUnsignedString(m.numaNode()))
          .append(" internal=")
          .append(m.isInternal() ? 1 : 0)
          .append(" pin_path=")
          .append(m.pinPath().orElse("-"))
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * libbpf 1.1's {@code bpf_program__expected_attach_type} right after open: the section's attach
   * type (0 when it has none), except that a {@code struct_ops} program assigned to a member of a
   * {@code struct_ops} map carries that member's index.
   */
  static int expectedAttachTypeValue(BpfObject obj, Program p) {
    if (p.type() == ProgramType.STRUCT_OPS) {
      return obj.structOpsMember(p).map(StructOpsProgram::memberIndex).orElse(0);
    }
    return p.sectionDef() == null ? 0 : p.sectionDef().attachTypeValue();
  }

  /** {@code libbpf_bpf_attach_type_str}, or objinfo's {@code unknown(N)}. */
  static String attachTypeName(int value) {
    return AttachType.ofValue(value)
        .map(AttachType::libbpfName)
        .orElse("unknown(" + Integer.toUnsignedString(value) + ")");
  }
}
