package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import io.github.core4j.reloc.AccessSpec;
import io.github.core4j.reloc.BtfTypes;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Marks what a relocation needs of the target BTF, with bpftool's three walks ({@code gen
 * min_core_btf}):
 *
 * <ul>
 *   <li>{@link #markFieldPath}: a field relocation keeps its root type, and along the access path
 *       every struct/union member it passes through and that member's type — by {@link
 *       Walk#SHALLOW}, which keeps a struct reached this way without its members and a pointer
 *       without what it points to;
 *   <li>{@link #markType} with {@link Walk#FOLLOW_POINTERS}: type relocations ({@code type_exists},
 *       {@code type_size}, {@code target_type_id}) keep the type, everything it is built from,
 *       through pointers too, and every struct/union on the way without members; enumerator
 *       relocations keep their enum by {@link Walk#SHALLOW}, which keeps all of it;
 *   <li>{@link #markTypeMatch}: {@code type_matches} keeps the type with all members, recursively,
 *       except that a struct or union behind a pointer keeps no members (the match only looks at
 *       its name there).
 * </ul>
 *
 * <p>Where bpftool gives up ("unsupported kind" for forward declarations, type tags, functions,
 * variables, data sections and declaration tags), these walks keep the type and what it refers to,
 * treating a type tag like {@code const}.
 *
 * <p>One guard bpftool lacks: a kept member whose type is a zero-length array that is not its
 * struct's last member keeps the struct's last member as well. Otherwise dropping the members after
 * it would make the array look like a flexible array member to the relocation engine, which lets
 * element accesses beyond index 0 match in the minimized BTF but not in the original.
 *
 * <p>Module BTF shares ids with its base: a type below a module's first id is marked in vmlinux's
 * marks.
 */
final class TypeMarker {
  /** How far a walk follows references. */
  enum Walk {
    /** bpftool's {@code btfgen_mark_type(..., follow_pointers=false)}. */
    SHALLOW,
    /** bpftool's {@code btfgen_mark_type(..., follow_pointers=true)}. */
    FOLLOW_POINTERS,
    /** bpftool's {@code btfgen_mark_type_match(..., behind_ptr=false)}. */
    MATCH,
    /** bpftool's {@code btfgen_mark_type_match(..., behind_ptr=true)}. */
    MATCH_BEHIND_POINTER
  }

  private final TargetBtf vmlinux;
  private final IdentityHashMap<TargetBtf, TypeMarks> marks = new IdentityHashMap<>();
  private final Deque<Pending> work = new ArrayDeque<>();

  private record Pending(TargetBtf source, int id, Walk walk) {}

  /**
   * Marks for {@code targets}: vmlinux and each module.
   *
   * @throws IllegalArgumentException when a module is not split BTF on the targets' vmlinux
   */
  TypeMarker(Targets targets) {
    this.vmlinux = targets.vmlinux();
    marks.put(vmlinux, new TypeMarks());
    for (TargetBtf m : targets.modules()) {
      if (m.btf().base().orElse(null) != vmlinux.btf()) {
        throw new IllegalArgumentException(
            "module BTF " + m.name() + " is not split BTF on " + vmlinux.btf().source());
      }
      marks.put(m, new TypeMarks());
    }
  }

  /** The marks of {@code source}'s own types (vmlinux's for vmlinux). */
  TypeMarks marksOf(TargetBtf source) {
    TypeMarks m = marks.get(source);
    if (m == null) {
      throw new IllegalArgumentException(source.name() + " is not one of the targets");
    }
    return m;
  }

  /** The marks that type {@code id}, as seen from {@code source}, belongs in. */
  private TypeMarks owner(TargetBtf source, int id) {
    return id < source.btf().firstId() ? marksOf(vmlinux) : marksOf(source);
  }

  /** Marks type {@code id} of {@code source} and what {@code walk} reaches from it. */
  void markType(TargetBtf source, int id, Walk walk) {
    push(source, id, walk);
    drain();
  }

  /** {@code type_matches}: marks {@code id} with all members, recursively. */
  void markTypeMatch(TargetBtf source, int id) {
    markType(source, id, Walk.MATCH);
  }

  /**
   * A field relocation's target {@code spec} in {@code source}: the root type, and every member on
   * the raw access path with its type.
   */
  void markFieldPath(TargetBtf source, AccessSpec spec) {
    BtfTypes types = source.types();
    int id = spec.rootTypeId();
    markType(source, id, Walk.SHALLOW);
    for (int i = 1; i < spec.rawLength(); i++) {
      id = types.skipModsAndTypedefs(id);
      BtfType t = id < 0 ? null : types.type(id);
      if (t instanceof BtfComposite c) {
        int index = spec.rawIndex(i);
        owner(source, id).keepMember(id, index);
        keepFlexGuard(source, id, c, index);
        id = c.members().get(index).type();
        markType(source, id, Walk.SHALLOW);
      } else if (t instanceof BtfArray a) {
        id = a.type();
      } else {
        throw new IllegalArgumentException(
            "the field path of " + spec + " steps into " + (t == null ? "a missing type" : t));
      }
    }
  }

  /**
   * Keeps the last member of {@code c} too when member {@code index} is a zero-length array that is
   * not last, so that it cannot turn into a flexible array member by losing its successors.
   */
  private void keepFlexGuard(TargetBtf source, int id, BtfComposite c, int index) {
    List<BtfMember> members = c.members();
    int last = members.size() - 1;
    if (index >= last) {
      return;
    }
    BtfTypes types = source.types();
    int memberType = types.skipModsAndTypedefs(members.get(index).type());
    if (memberType > 0 && types.type(memberType) instanceof BtfArray a && a.nelems() == 0) {
      owner(source, id).keepMember(id, last);
      markType(source, members.get(last).type(), Walk.SHALLOW);
    }
  }

  private void push(TargetBtf source, int id, Walk walk) {
    if (id != 0) {
      work.push(new Pending(source, id, walk));
    }
  }

  private void drain() {
    while (!work.isEmpty()) {
      Pending p = work.pop();
      expand(p.source(), p.id(), p.walk());
    }
  }

  private void expand(TargetBtf source, int id, Walk walk) {
    TypeMarks owner = owner(source, id);
    if (walk == Walk.SHALLOW && owner.wasExpanded(Walk.FOLLOW_POINTERS, id)) {
      return; // following pointers reaches everything the shallow walk would
    }
    if (!owner.startExpanding(walk, id)) {
      return;
    }
    owner.keep(id);
    BtfType t = source.types().type(id);
    boolean matching = walk == Walk.MATCH || walk == Walk.MATCH_BEHIND_POINTER;
    if (t instanceof BtfComposite c) {
      if (walk == Walk.MATCH) {
        for (int i = 0; i < c.members().size(); i++) {
          owner.keepMember(id, i);
          push(source, c.members().get(i).type(), Walk.MATCH);
        }
      }
    } else if (t instanceof BtfPtr p) {
      if (walk == Walk.FOLLOW_POINTERS) {
        push(source, p.type(), walk);
      } else if (matching) {
        push(source, p.type(), Walk.MATCH_BEHIND_POINTER);
      }
    } else if (t instanceof BtfQualifier q) {
      push(source, q.type(), walk);
    } else if (t instanceof BtfTypedef td) {
      push(source, td.type(), walk);
    } else if (t instanceof BtfArray a) {
      Walk inner = matching ? Walk.MATCH : walk;
      push(source, a.type(), inner);
      push(source, a.indexType(), inner);
    } else if (t instanceof BtfFuncProto fp) {
      Walk inner = matching ? Walk.MATCH : walk;
      push(source, fp.returnType(), inner);
      for (BtfParam param : fp.params()) {
        push(source, param.type(), inner);
      }
    } else if (t instanceof BtfFunc f) {
      push(source, f.type(), walk);
    } else if (t instanceof BtfVar v) {
      push(source, v.type(), walk);
    } else if (t instanceof BtfDeclTag d) {
      push(source, d.type(), walk);
    } else if (t instanceof BtfDatasec d) {
      for (BtfVarSecinfo v : d.vars()) {
        push(source, v.type(), walk);
      }
    }
    // ints, floats, enums, forward declarations: nothing further
  }
}
