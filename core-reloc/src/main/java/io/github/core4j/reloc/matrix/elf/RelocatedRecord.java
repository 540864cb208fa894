package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramCoreRelo;
import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.patch.Patch;
import org.jspecify.annotations.Nullable;

/**
 * One CO-RE record of an object relocated against one kernel and patched into the code, with
 * whether it keeps the object from loading.
 *
 * @param program the program or {@code .text} subprogram whose code holds the instruction
 * @param record the record ({@code relo #N} is its index within the ELF section)
 * @param result what the relocation computed
 * @param patch what patching did to the instruction; null when the relocation failed or the
 *     instruction could not be patched
 * @param error why the relocation or the patch failed (libbpf then refuses the whole object); null
 *     when it worked
 * @param reachable for a poisoned instruction: whether some program reaches it once the relocated
 *     constants fold its guards (the verifier then rejects that program); false otherwise
 */
public record RelocatedRecord(
    Program program,
    ProgramCoreRelo record,
    RelocationResult result,
    @Nullable Patch patch,
    @Nullable String error,
    boolean reachable) {

  /** Whether the instruction was replaced by libbpf's invalid call. */
  public boolean poisoned() {
    return patch != null && patch.form() == Patch.Form.POISON;
  }

  /**
   * Whether the instruction was poisoned but sits in dead code: a guard such as {@code
   * bpf_core_field_exists()} that the kernel makes false keeps every program away from it.
   */
  public boolean guarded() {
    return poisoned() && !reachable;
  }

  /** Whether this record keeps a program from loading: it failed, or poisoned reachable code. */
  public boolean breaksLoading() {
    return error != null || (poisoned() && reachable);
  }
}
