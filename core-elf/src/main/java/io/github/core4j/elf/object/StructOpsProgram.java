package io.github.core4j.elf.object;

/**
 * A function pointer member of a {@code struct_ops} map's value that the object sets to one of its
 * programs.
 *
 * @param memberIndex the member's position in the struct (libbpf 1.1 stores it as the program's
 *     expected attach type at open)
 * @param member the member's name, for example {@code "ssthresh"}
 * @param program the name of the {@code struct_ops} program assigned to it
 */
public record StructOpsProgram(int memberIndex, String member, String program) {}
