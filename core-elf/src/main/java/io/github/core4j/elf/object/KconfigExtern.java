package io.github.core4j.elf.object;

/**
 * An {@code extern ... __kconfig} value, stored in the {@code .kconfig} internal map.
 *
 * @param name the config option or libbpf variable ({@code "CONFIG_HZ"}, {@code
 *     "LINUX_KERNEL_VERSION"})
 * @param weak whether it is {@code __weak}
 * @param btfId the BTF id of its {@code VAR}
 * @param symbolIndex its ELF symbol index
 * @param typeId the BTF id of its declared type
 * @param type how libbpf fills it
 * @param size its size in bytes
 * @param alignment its alignment in bytes
 * @param signed whether an integer is signed
 * @param offset its offset in the {@code .kconfig} map, as libbpf lays the map out
 */
public record KconfigExtern(
    String name,
    boolean weak,
    int btfId,
    int symbolIndex,
    int typeId,
    KconfigType type,
    int size,
    int alignment,
    boolean signed,
    int offset)
    implements Extern {}
