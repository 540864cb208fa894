package io.github.core4j.reloc;

import java.util.List;

/**
 * Where core4j deliberately follows current libbpf (1.2 and later) rather than the libbpf 1.1 that
 * produced the expected answers. Each entry names the libbpf change.
 */
final class KnownDifferences {
  private KnownDifferences() {}

  /**
   * libbpf 1.1 takes the load size of an array field to be the whole array; libbpf 1.2+ ("libbpf:
   * fix BPF_CORE field size for arrays", bpf_core_calc_field_relo) takes the element size, which is
   * what a load of the field reads. With arrays of different lengths 1.1 then refuses to change the
   * load size ({@code fail_memsz_adjust}); 1.2+ sees equal element sizes.
   */
  static final String ARRAY_LOAD_SIZE = "grid_off";

  /**
   * libbpf 1.1 reads member -1 for a negative access index and crashes; libbpf 1.2+ rejects the
   * index (EINVAL), as core4j does.
   */
  static final String NEGATIVE_INDEX = "access_negative";

  static List<String> filter(HandBuilt.Case c, List<String> differences) {
    if (c.label().equals(NEGATIVE_INDEX)
        && differences.size() == 1
        && differences.get(0).startsWith("libbpf crashed")
        && differences.get(0).contains("failed: parsing [6] struct foo + 0:-1 failed:")) {
      return List.of();
    }
    if (c.label().equals(ARRAY_LOAD_SIZE)
        && differences.size() == 1
        && differences
            .get(0)
            .startsWith(
                "values: libbpf RelocationValues[oldValue=0, newValue=4,"
                    + " poisoned=false, validate=true, failMemSizeAdjust=true, oldSize=6, newSize=12")) {
      return List.of();
    }
    return differences;
  }
}
