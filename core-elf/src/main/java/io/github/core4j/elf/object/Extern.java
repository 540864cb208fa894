package io.github.core4j.elf.object;

/**
 * An extern symbol the loader resolves: a {@code __kconfig} value or a {@code __ksym} kernel symbol
 * (variable or kfunc). Externs are ordered as libbpf orders them: kconfig before ksym, kconfig ones
 * by decreasing alignment, then increasing size, then name; ksyms by name.
 */
public sealed interface Extern permits KconfigExtern, KsymExtern {
  /** The C name. */
  String name();

  /** Whether the extern is {@code __weak} (may stay unresolved). */
  boolean weak();

  /** The BTF id of its {@code VAR} or {@code FUNC}. */
  int btfId();

  /** Its index in the ELF symbol table. */
  int symbolIndex();
}
