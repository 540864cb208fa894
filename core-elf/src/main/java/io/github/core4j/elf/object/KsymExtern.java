package io.github.core4j.elf.object;

/**
 * An {@code extern ... __ksym}: a kernel variable (typed or typeless) or a kfunc, resolved by the
 * loader against kernel BTF or kallsyms.
 *
 * @param name the kernel symbol
 * @param weak whether it is {@code __weak}
 * @param btfId the BTF id of its {@code VAR} (variables) or {@code FUNC} (kfuncs)
 * @param symbolIndex its ELF symbol index
 * @param function whether it is a kfunc
 * @param typeId the variable's type after modifiers and typedefs, or the kfunc's {@code
 *     FUNC_PROTO}; 0 for a typeless symbol ({@code extern const void sym __ksym})
 */
public record KsymExtern(
    String name, boolean weak, int btfId, int symbolIndex, boolean function, int typeId)
    implements Extern {

  /** Whether this is a typeless symbol (only its address is known). */
  public boolean isTypeless() {
    return !function && typeId == 0;
  }
}
