package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fingerprint of every type that does not depend on type ids: its own fields (kind, name, size,
 * member names and offsets, values) combined, round after round, with the fingerprints of the types
 * it refers to, until further rounds tell no more types apart (colour refinement). Types that share
 * a kind and a name, such as the duplicates an imperfect deduplication leaves in vmlinux, get
 * different fingerprints unless they are structurally the same, in which case either order prints
 * the same text.
 */
final class TypeColors {
  /** Enough rounds for any real BTF; refinement normally stops far earlier. */
  private static final int MAX_ROUNDS = 64;

  private TypeColors() {}

  /** The fingerprints of all types, indexed by id. */
  static long[] of(TypeCache types) {
    int n = types.count();
    long[] colors = new long[n];
    for (int id = 0; id < n; id++) {
      colors[id] = own(types.get(id));
    }
    int distinct = distinct(colors);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      long[] next = new long[n];
      for (int id = 0; id < n; id++) {
        next[id] = refine(types.get(id), colors[id], colors);
      }
      int nextDistinct = distinct(next);
      colors = next;
      if (nextDistinct == distinct) {
        break;
      }
      distinct = nextDistinct;
    }
    return colors;
  }

  private static int distinct(long[] colors) {
    Set<Long> set = new HashSet<>();
    for (long c : colors) {
      set.add(c);
    }
    return set.size();
  }

  /** The colour of a type's own fields. */
  private static long own(BtfType t) {
    long h = mix(t.kind().value(), t.name());
    if (t instanceof BtfInt i) {
      h = mix(mix(h, i.size()), i.encodingWord());
    } else if (t instanceof BtfFloat f) {
      h = mix(h, f.size());
    } else if (t instanceof BtfArray a) {
      h = mix(h, a.nelems());
    } else if (t instanceof BtfComposite c) {
      h = mix(h, c.size());
      for (BtfMember m : c.members()) {
        h = mix(mix(mix(h, m.name()), m.bitOffset()), m.bitfieldSize());
      }
    } else if (t instanceof BtfEnum e) {
      h = mix(mix(h, e.size()), e.signed() ? 1 : 0);
      for (BtfEnumValue v : e.values()) {
        h = mix(mix(h, v.name()), v.value());
      }
    } else if (t instanceof BtfEnum64 e) {
      h = mix(mix(h, e.size()), e.signed() ? 1 : 0);
      for (BtfEnum64Value v : e.values()) {
        h = mix(mix(h, v.name()), v.value());
      }
    } else if (t instanceof BtfFwd f) {
      h = mix(h, f.union() ? 1 : 0);
    } else if (t instanceof BtfFuncProto p) {
      for (BtfParam param : p.params()) {
        h = mix(h, param.name());
      }
    } else if (t instanceof BtfFunc f) {
      h = mix(h, f.linkage().value());
    } else if (t instanceof BtfVar v) {
      h = mix(h, v.linkage().value());
    } else if (t instanceof BtfDatasec d) {
      h = mix(h, d.size());
      for (BtfVarSecinfo v : d.vars()) {
        h = mix(mix(h, v.offset()), v.size());
      }
    } else if (t instanceof BtfDeclTag d) {
      h = mix(h, d.componentIdx());
    }
    return h;
  }

  /** A type's colour combined with the colours of what it refers to, in order. */
  private static long refine(BtfType t, long own, long[] colors) {
    long h = own;
    if (t instanceof BtfPtr p) {
      h = mix(h, colors[p.type()]);
    } else if (t instanceof BtfTypedef td) {
      h = mix(h, colors[td.type()]);
    } else if (t instanceof BtfQualifier q) {
      h = mix(h, colors[q.type()]);
    } else if (t instanceof BtfArray a) {
      h = mix(mix(h, colors[a.type()]), colors[a.indexType()]);
    } else if (t instanceof BtfComposite c) {
      List<BtfMember> members = c.members();
      for (int i = 0; i < members.size(); i++) {
        h = mix(h, colors[members.get(i).type()]);
      }
    } else if (t instanceof BtfFuncProto p) {
      h = mix(h, colors[p.returnType()]);
      for (BtfParam param : p.params()) {
        h = mix(h, colors[param.type()]);
      }
    } else if (t instanceof BtfFunc f) {
      h = mix(h, colors[f.type()]);
    } else if (t instanceof BtfVar v) {
      h = mix(h, colors[v.type()]);
    } else if (t instanceof BtfDatasec d) {
      for (BtfVarSecinfo v : d.vars()) {
        h = mix(h, colors[v.type()]);
      }
    } else if (t instanceof BtfDeclTag d) {
      h = mix(h, colors[d.type()]);
    }
    return h;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = mix(h, s.charAt(i));
    }
    return mix(h, s.length());
  }

  /** One step of a 64-bit multiply-xorshift hash (splitmix64's finaliser). */
  private static long mix(long h, long v) {
    long z = h * 0x9E3779B97F4A7C15L + v;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
