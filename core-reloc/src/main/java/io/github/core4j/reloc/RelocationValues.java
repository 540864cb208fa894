package io.github.core4j.reloc;

/**
 * What a relocation patches (libbpf's {@code struct bpf_core_relo_res}).
 *
 * @param oldValue the value computed from the local spec: what the compiler put in the instruction
 * @param newValue the value for the target (0 when poisoned)
 * @param poisoned no target has what the instruction needs: it becomes an invalid helper call
 *     ({@code 0xbad2310}) that the verifier only accepts in dead code
 * @param validate whether the instruction must hold {@code oldValue} before patching (not for
 *     bitfield offsets, sizes and left shifts, nor for type ids)
 * @param failMemSizeAdjust for {@code byte_off}: the field changed size in a way a load/store can't
 *     follow (not a pointer, not unsigned integers), so a load/store instruction is poisoned
 *     instead of patched; arithmetic instructions are patched as usual
 * @param oldSize the size of the memory a load of the local field touches (0 when not a plain
 *     {@code byte_off})
 * @param newSize the same in the target
 * @param oldTypeId the local field's type, stripped of modifiers (0 when not a plain {@code
 *     byte_off})
 * @param newTypeId the same in the target
 */
public record RelocationValues(
    long oldValue,
    long newValue,
    boolean poisoned,
    boolean validate,
    boolean failMemSizeAdjust,
    int oldSize,
    int newSize,
    int oldTypeId,
    int newTypeId) {}
