package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.SymbolType;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs as libbpf finds them: every function symbol of an executable section other than {@code
 * .text} (whose functions are subprograms), in section order and, within a section, by offset. A
 * function without a size runs to the next function or the end of its section.
 */
public final class FunctionSymbols implements ProgramsOf {
  /** The one instance. */
  public static final FunctionSymbols INSTANCE = new FunctionSymbols();

  private FunctionSymbols() {}

  @Override
  public List<Program> programs(ElfFile object) {
    List<Program> out = new ArrayList<>();
    for (ElfSection s : object.sections()) {
      if (s.index() == 0 || !s.isExecutable() || s.name().equals(".text") || s.size() == 0) {
        continue;
      }
      List<ElfSymbol> functions = new ArrayList<>();
      for (ElfSymbol sym : object.symbolsIn(s)) {
        if (sym.type() == SymbolType.FUNC && !sym.name().isEmpty()) {
          functions.add(sym);
        }
      }
      for (int i = 0; i < functions.size(); i++) {
        ElfSymbol f = functions.get(i);
        long end =
            f.size() > 0
                ? f.value() + f.size()
                : i + 1 < functions.size() ? functions.get(i + 1).value() : s.size();
        out.add(
            new Program(
                f.name(),
                s.index(),
                s.name(),
                (int) (f.value() / 8),
                (int) ((end - f.value()) / 8)));
      }
    }
    return out;
  }
}
