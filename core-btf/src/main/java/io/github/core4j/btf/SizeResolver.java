package io.github.core4j.btf;

/**
 * Resolves a type's byte size through typedefs, qualifiers, variables and arrays, the way libbpf's
 * {@code btf__resolve_size} does, with its depth limit so that hostile type chains end in an error.
 */
final class SizeResolver {
  /** libbpf's MAX_RESOLVE_DEPTH. */
  static final int MAX_DEPTH = 32;

  private SizeResolver() {}

  static long resolve(Btf btf, int id) {
    long elements = 1;
    int current = id;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      BtfType t = btf.type(current);
      long size;
      if (t instanceof BtfInt i) {
        size = i.size();
      } else if (t instanceof BtfComposite c) {
        size = Integer.toUnsignedLong(c.size());
      } else if (t instanceof BtfEnum e) {
        size = e.size();
      } else if (t instanceof BtfEnum64 e) {
        size = e.size();
      } else if (t instanceof BtfDatasec d) {
        size = Integer.toUnsignedLong(d.size());
      } else if (t instanceof BtfFloat f) {
        size = f.size();
      } else if (t instanceof BtfPtr) {
        size = btf.pointerSize();
      } else if (t instanceof BtfTypedef td) {
        current = td.type();
        continue;
      } else if (t instanceof BtfQualifier q) {
        current = q.type();
        continue;
      } else if (t instanceof BtfVar v) {
        current = v.type();
        continue;
      } else if (t instanceof BtfArray a) {
        if (a.elementCount() != 0 && elements > Long.MAX_VALUE / a.elementCount()) {
          throw overflow(btf, id);
        }
        elements *= a.elementCount();
        current = a.type();
        continue;
      } else {
        throw new IllegalArgumentException(
            "type [" + current + "] " + t.kind() + " '" + t.name() + "' has no size");
      }
      if (size != 0 && elements > Long.MAX_VALUE / size) {
        throw overflow(btf, id);
      }
      return elements * size;
    }
    throw new BtfFormatException(
        btf.source(),
        -1,
        "type ["
            + id
            + "]: more than "
            + MAX_DEPTH
            + " typedefs, qualifiers or arrays in a row (a cycle?)");
  }

  private static BtfFormatException overflow(Btf btf, int id) {
    return new BtfFormatException(btf.source(), -1, "type [" + id + "]: size overflows");
  }
}
