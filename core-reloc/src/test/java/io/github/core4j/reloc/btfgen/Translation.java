package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfType;
import io.github.core4j.reloc.AccessSpec;
import io.github.core4j.reloc.BtfTypes;
import io.github.core4j.reloc.RelocationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what a spec or value from the minimized BTF means in the original BTF, using the maps the
 * minimizer returns: type ids mapped back, member indices mapped back. A spec in the minimized BTF
 * is "the same" as one in the full BTF when its translation prints identically.
 */
final class Translation {
  private final MinimizedBtf min;

  Translation(MinimizedBtf min) {
    this.min = min;
  }

  /**
   * libbpf's rendering of {@code spec} (built on the minimized BTF) in original ids and indices.
   */
  String format(AccessSpec spec) {
    String f = spec.format();
    int root = spec.rootTypeId();
    f = f.replaceFirst("\\[" + root + "\\]", "[" + min.originalId(root) + "]");
    if (!spec.kind().isFieldBased()) {
      return f;
    }
    int at = f.lastIndexOf(" @ offset ");
    int open = f.lastIndexOf(" (", at);
    List<String> raw = new ArrayList<>();
    for (int i : originalRawIndices(spec)) {
      raw.add(Integer.toString(i));
    }
    return f.substring(0, open + 2) + String.join(":", raw) + f.substring(at);
  }

  /** The raw access indices of a field spec, member indices mapped back to the original structs. */
  int[] originalRawIndices(AccessSpec spec) {
    BtfTypes types = spec.types();
    int[] raw = spec.rawIndices();
    int id = spec.rootTypeId();
    for (int i = 1; i < raw.length; i++) {
      id = types.skipModsAndTypedefs(id);
      BtfType t = types.type(id);
      if (t instanceof BtfComposite c) {
        int index = raw[i];
        raw[i] = min.originalMemberIndex(id, index);
        id = c.members().get(index).type();
      } else if (t instanceof BtfArray a) {
        id = a.type();
      } else {
        throw new IllegalStateException("field path of " + spec + " steps into " + t);
      }
    }
    return raw;
  }

  /** A relocation's new value in original terms: type ids mapped back for target_type_id. */
  long value(RelocationKind kind, long newValue) {
    return kind == RelocationKind.TYPE_ID_TARGET ? min.originalId((int) newValue) : newValue;
  }

  /** A type id of the minimized BTF in original terms. */
  int typeId(int id) {
    return min.originalId(id);
  }
}
