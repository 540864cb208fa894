package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.elf.ElfFile;
import java.util.List;

/**
 * Finds the programs of a BPF object, in libbpf's order. {@link FunctionSymbols} reads them from
 * the symbol table; a fuller object model can take its place.
 */
@FunctionalInterface
public interface ProgramsOf {
  /** The programs of {@code object}. */
  List<Program> programs(ElfFile object);
}
