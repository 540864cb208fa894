package io.github.core4j.btf.dump;

import java.util.List;

/**
 * What {@link CDump} writes.
 *
 * @param types the root types to dump (struct, union, enum or typedef names, or decimal type ids),
 *     each with everything it needs; empty for every type
 * @param sorted write definitions in an order that depends on kinds and names only, not on type
 *     ids, so headers of different kernels or builds diff well
 * @param enumModes write {@code __attribute__((mode(byte)))} / {@code mode(word)} on enums whose
 *     size C would not choose by itself, as libbpf 1.2+ does (bpftool 7.1 as shipped with Linux 6.1
 *     does not)
 */
public record CDumpOptions(List<String> types, boolean sorted, boolean enumModes) {
  /** bpftool's output: every type, in id order, no enum mode attributes. */
  public static final CDumpOptions BPFTOOL = new CDumpOptions(List.of(), false, false);

  /** Copies the list of types. */
  public CDumpOptions {
    types = List.copyOf(types);
  }

  /** These options with the given root types. */
  public CDumpOptions withTypes(List<String> types) {
    return new CDumpOptions(types, sorted, enumModes);
  }

  /** These options with the id-independent order on or off. */
  public CDumpOptions withSorted(boolean sorted) {
    return new CDumpOptions(types, sorted, enumModes);
  }

  /** These options with enum mode attributes on or off. */
  public CDumpOptions withEnumModes(boolean enumModes) {
    return new CDumpOptions(types, sorted, enumModes);
  }
}
