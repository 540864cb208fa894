package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The types a C dump starts from. bpftool starts from every id in order; {@code --types} names the
 * roots (everything they need follows them); {@code --sorted} visits roots by kind, then name, then
 * structure ({@link TypeColors}), so that the output no longer depends on type ids.
 */
final class RootSelection {
  private RootSelection() {}

  /** The roots for {@code options}, or {@code null} for bpftool's "every id in order". */
  static int @Nullable [] roots(TypeCache types, CDumpOptions options) {
    List<Integer> roots;
    if (!options.types().isEmpty()) {
      roots = byName(types, options.types());
    } else if (options.sorted()) {
      roots = declarations(types);
    } else {
      return null;
    }
    if (options.sorted()) {
      roots.sort(new SortKey(types));
    }
    return roots.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The ids of the named types, in the order given, definitions preferred over declarations. */
  private static List<Integer> byName(TypeCache types, List<String> names) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (String name : names) {
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        ids.add(typeId(types, name));
        continue;
      }
      List<Integer> definitions = new ArrayList<>();
      List<Integer> forwards = new ArrayList<>();
      for (int id : types.btf().idsByName(name)) {
        BtfKind kind = types.kind(id);
        if (kind == BtfKind.FWD) {
          forwards.add(id);
        } else if (rank(kind) >= 0 || kind == BtfKind.INT || kind == BtfKind.FLOAT) {
          definitions.add(id);
        }
      }
      List<Integer> found = definitions.isEmpty() ? forwards : definitions;
      if (found.isEmpty()) {
        throw new IllegalArgumentException(
            types.btf().source() + ": no struct, union, enum or typedef named '" + name + "'");
      }
      ids.addAll(found);
    }
    return new ArrayList<>(ids);
  }

  private static int typeId(TypeCache types, String digits) {
    try {
      int id = Integer.parseInt(digits);
      if (id > 0 && id < types.count()) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(
        types.btf().source()
            + ": no type with id "
            + digits
            + " (ids 1.."
            + (types.count() - 1)
            + ")");
  }

  /** Every type that can be a top-level declaration: named tags and typedefs, all enums. */
  private static List<Integer> declarations(TypeCache types) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 1; id < types.count(); id++) {
      BtfKind kind = types.kind(id);
      if (rank(kind) < 0) {
        continue;
      }
      boolean anonymousEnum = kind == BtfKind.ENUM || kind == BtfKind.ENUM64;
      if (!types.isAnonymous(id) || anonymousEnum || kind == BtfKind.TYPEDEF) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The group of a declaring kind in the sorted order, or -1 for other kinds. */
  private static int rank(BtfKind kind) {
    switch (kind) {
      case FWD:
        return 0;
      case ENUM:
      case ENUM64:
        return 1;
      case STRUCT:
      case UNION:
        return 2;
      case TYPEDEF:
        return 3;
      default:
        return -1;
    }
  }

  /** Kind group, name, structural fingerprint (for equal names), and only then id. */
  private static final class SortKey implements Comparator<Integer> {
    private final TypeCache types;
    private long @Nullable [] colors;

    SortKey(TypeCache types) {
      this.types = types;
    }

    @Override
    public int compare(Integer a, Integer b) {
      int c = Integer.compare(rank(types.kind(a)), rank(types.kind(b)));
      if (c != 0) {
        return c;
      }
      c = types.get(a).name().compareTo(types.get(b).name());
      if (c != 0) {
        return c;
      }
      if (colors == null) {
        colors = TypeColors.of(types);
      }
      c = Long.compare(colors[a], colors[b]);
      return c != 0 ? c : Integer.compare(a, b);
    }
  }
}
