package io.github.core4j.elf.object;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The value of a {@code struct_ops} map: the kernel struct it implements and what the object puts
 * in it.
 *
 * @param typeName the struct's name in the object's BTF, for example {@code "tcp_congestion_ops"}
 * @param typeId the struct's BTF type id
 * @param data the variable's initial bytes from the section (function pointers still zero), a
 *     read-only view in the object's byte order
 * @param programs the function pointer members set to programs, in member order
 */
public record StructOps(
    String typeName, int typeId, ByteBuffer data, List<StructOpsProgram> programs) {
  /** Copies the lists and makes the data read-only. */
  public StructOps {
    data = data.asReadOnlyBuffer().order(data.order());
    programs = List.copyOf(programs);
  }

  /** The initial bytes (a fresh read-only view positioned at 0). */
  @Override
  public ByteBuffer data() {
    return data.duplicate().order(data.order());
  }
}
