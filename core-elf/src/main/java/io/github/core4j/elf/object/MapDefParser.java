package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's {@code parse_btf_map_def}: reads a BTF-defined map from the members of its struct. Each
 * integer attribute is encoded in a member's type as a pointer to an array of that many elements
 * ({@code __uint(max_entries, 16)} is {@code int (*max_entries)[16]}); {@code __type(key, T)} is
 * {@code typeof(T) *key}; {@code __array(values, T)} is a zero-length array of pointers to the
 * inner map's definition (or to a function prototype for a {@code prog_array}). Unknown members are
 * an error, as in libbpf's default strict mode.
 */
final class MapDefParser {
  /** What one map struct says. */
  static final class Def {
    int type;
    int keySize;
    int valueSize;
    int maxEntries;
    int flags;
    int numaNode;
    long mapExtra;
    int pinning;
    int keyTypeId;
    int valueTypeId;
    boolean hasValues;
    @Nullable Def inner;
  }

  private final ObjectReader reader;
  private final Btf btf;

  MapDefParser(ObjectReader reader, Btf btf) {
    this.reader = reader;
    this.btf = btf;
  }

  /** Parses the definition struct {@code def} of map {@code name}. */
  Def parse(String name, BtfComposite def) {
    return parse(name, def, false);
  }

  private Def parse(String name, BtfComposite def, boolean inner) {
    Def out = new Def();
    List<BtfMember> members = def.members();
    for (int i = 0; i < members.size(); i++) {
      BtfMember m = members.get(i);
      String attr = m.name();
      switch (attr) {
        case "type" -> out.type = intAttr(name, m);
        case "max_entries" -> out.maxEntries = intAttr(name, m);
        case "map_flags" -> out.flags = intAttr(name, m);
        case "numa_node" -> out.numaNode = intAttr(name, m);
        case "key_size" -> out.keySize = size(name, "key", out.keySize, intAttr(name, m));
        case "value_size" -> out.valueSize = size(name, "value", out.valueSize, intAttr(name, m));
        case "key" -> {
          int target = pointee(name, m, "key");
          out.keySize = size(name, "key", out.keySize, typeSize(name, target, "key"));
          out.keyTypeId = target;
        }
        case "value" -> {
          int target = pointee(name, m, "value");
          out.valueSize = size(name, "value", out.valueSize, typeSize(name, target, "value"));
          out.valueTypeId = target;
        }
        case "values" -> values(name, out, m, inner, i == members.size() - 1);
        case "pinning" -> {
          if (inner) {
            throw error(name, "an inner map definition cannot be pinned");
          }
          int value = intAttr(name, m);
          if (value != MapPinning.NONE.value() && value != MapPinning.BY_NAME.value()) {
            throw error(name, "pinning is " + value + "; expected 0 (none) or 1 (by name)");
          }
          out.pinning = value;
        }
        case "map_extra" -> out.mapExtra = longAttr(name, m);
        default -> throw error(name, "unknown attribute '" + attr + "'");
      }
    }
    if (out.type == 0) {
      throw error(name, "has no map type (__uint(type, ...))");
    }
    return out;
  }

  private void values(String name, Def out, BtfMember m, boolean inner, boolean last) {
    MapType type = MapType.ofValue(out.type).orElse(MapType.UNSPEC);
    boolean mapInMap = type == MapType.ARRAY_OF_MAPS || type == MapType.HASH_OF_MAPS;
    boolean progArray = type == MapType.PROG_ARRAY;
    String what = mapInMap ? "map-in-map inner" : "prog-array value";
    if (inner) {
      throw error(name, "inner maps cannot have inner maps themselves");
    }
    if (!last) {
      throw error(name, "'values' must be the last member");
    }
    if (!mapInMap && !progArray) {
      throw error(name, "has 'values' but is neither a map-in-map nor a prog_array");
    }
    out.valueSize = size(name, "value", out.valueSize, 4);
    BtfType t = btf.type(m.type());
    if (!(t instanceof BtfArray array) || array.nelems() != 0) {
      throw error(
          name, what + " spec " + BtfTypes.describe(btf, m.type()) + " is not a zero-length array");
    }
    int elementId = BtfTypes.skipModsAndTypedefs(btf, array.type());
    if (!(btf.type(elementId) instanceof BtfPtr ptr)) {
      throw error(
          name, what + " definition is " + BtfTypes.describe(btf, elementId) + ", expected a PTR");
    }
    int targetId = BtfTypes.skipModsAndTypedefs(btf, ptr.type());
    BtfType target = btf.type(targetId);
    out.hasValues = true;
    if (progArray) {
      if (!(target instanceof BtfFuncProto)) {
        throw error(
            name,
            "prog-array value definition is "
                + BtfTypes.describe(btf, targetId)
                + ", expected a FUNC_PROTO");
      }
      return;
    }
    if (!(target instanceof BtfStruct struct)) {
      throw error(
          name,
          "map-in-map inner definition is "
              + BtfTypes.describe(btf, targetId)
              + ", expected a STRUCT");
    }
    out.inner = parse(name + ".inner", struct, true);
  }

  /** {@code get_map_field_int}: the element count of the array the member points to. */
  private int intAttr(String name, BtfMember m) {
    int id = BtfTypes.skipModsAndTypedefs(btf, m.type());
    if (!(btf.type(id) instanceof BtfPtr ptr)) {
      throw error(
          name,
          "attribute '" + m.name() + "' is " + BtfTypes.describe(btf, id) + ", expected a PTR");
    }
    if (!(btf.type(ptr.type()) instanceof BtfArray array)) {
      throw error(
          name,
          "attribute '"
              + m.name()
              + "' points to "
              + BtfTypes.describe(btf, ptr.type())
              + ", expected an ARRAY");
    }
    return array.nelems();
  }

  /**
   * {@code get_map_field_long}: {@code __uint} as for int, or {@code __ulong} as a one-value enum.
   */
  private long longAttr(String name, BtfMember m) {
    int id = BtfTypes.skipModsAndTypedefs(btf, m.type());
    BtfType t = btf.type(id);
    if (t instanceof BtfPtr) {
      return Integer.toUnsignedLong(intAttr(name, m));
    }
    if (t instanceof BtfEnum e && e.values().size() == 1) {
      return e.valueAt(0);
    }
    if (t instanceof BtfEnum64 e && e.values().size() == 1) {
      return e.values().get(0).value();
    }
    throw error(
        name,
        "attribute '"
            + m.name()
            + "' is "
            + BtfTypes.describe(btf, id)
            + ", expected a PTR or a one-value ENUM/ENUM64");
  }

  /** The type a {@code __type(key, T)} member points to (the member's own type must be a PTR). */
  private int pointee(String name, BtfMember m, String what) {
    if (!(btf.type(m.type()) instanceof BtfPtr ptr)) {
      throw error(name, what + " spec is " + BtfTypes.describe(btf, m.type()) + ", expected a PTR");
    }
    return ptr.type();
  }

  private int typeSize(String name, int id, String what) {
    long size = BtfTypes.resolveSize(btf, id);
    if (size < 0 || size > 0xffff_ffffL) {
      throw error(name, "cannot determine the " + what + " size of " + BtfTypes.describe(btf, id));
    }
    return (int) size;
  }

  private int size(String name, String what, int old, int size) {
    if (old != 0 && old != size) {
      throw error(
          name,
          "conflicting "
              + what
              + " sizes "
              + Integer.toUnsignedString(old)
              + " and "
              + Integer.toUnsignedString(size));
    }
    return size;
  }

  private BpfObjectException error(String name, String problem) {
    String section =
        reader.mapsIndex > 0 ? reader.elf.section(reader.mapsIndex).describe() : ".maps";
    return new BpfObjectException(reader.source, section, -1, "map '" + name + "': " + problem);
  }
}
