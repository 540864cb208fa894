package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfRestrict;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypeTag;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import io.github.core4j.btf.BtfVolatile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Rewrites the type ids a type record refers to (libbpf's {@code btf_type_visit_type_ids}): the
 * pointee, the element and index types, member, parameter and return types, a variable's or tag's
 * type, a data section's variables. Everything else — names, sizes, offsets, encodings — is kept.
 */
final class IdRemapper {
  private IdRemapper() {}

  /** {@code t} with every referenced type id {@code x} replaced by {@code map.applyAsInt(x)}. */
  static BtfType remap(BtfType t, IntUnaryOperator map) {
    if (t instanceof BtfPtr p) {
      return new BtfPtr(p.name(), map.applyAsInt(p.type()));
    } else if (t instanceof BtfTypedef p) {
      return new BtfTypedef(p.name(), map.applyAsInt(p.type()));
    } else if (t instanceof BtfConst q) {
      return new BtfConst(q.name(), map.applyAsInt(q.type()));
    } else if (t instanceof BtfVolatile q) {
      return new BtfVolatile(q.name(), map.applyAsInt(q.type()));
    } else if (t instanceof BtfRestrict q) {
      return new BtfRestrict(q.name(), map.applyAsInt(q.type()));
    } else if (t instanceof BtfTypeTag q) {
      return new BtfTypeTag(q.name(), map.applyAsInt(q.type()), q.attribute());
    } else if (t instanceof BtfArray a) {
      return new BtfArray(
          a.name(), map.applyAsInt(a.type()), map.applyAsInt(a.indexType()), a.nelems());
    } else if (t instanceof BtfStruct s) {
      return new BtfStruct(s.name(), s.size(), s.kindFlag(), remapMembers(s.members(), map));
    } else if (t instanceof BtfUnion u) {
      return new BtfUnion(u.name(), u.size(), u.kindFlag(), remapMembers(u.members(), map));
    } else if (t instanceof BtfFuncProto fp) {
      List<BtfParam> params = new ArrayList<>(fp.params().size());
      for (BtfParam p : fp.params()) {
        params.add(new BtfParam(p.name(), map.applyAsInt(p.type())));
      }
      return new BtfFuncProto(fp.name(), map.applyAsInt(fp.returnType()), params);
    } else if (t instanceof BtfFunc f) {
      return new BtfFunc(f.name(), map.applyAsInt(f.type()), f.linkage());
    } else if (t instanceof BtfVar v) {
      return new BtfVar(v.name(), map.applyAsInt(v.type()), v.linkage());
    } else if (t instanceof BtfDeclTag d) {
      return new BtfDeclTag(d.name(), map.applyAsInt(d.type()), d.componentIdx(), d.attribute());
    } else if (t instanceof BtfDatasec d) {
      List<BtfVarSecinfo> vars = new ArrayList<>(d.vars().size());
      for (BtfVarSecinfo v : d.vars()) {
        vars.add(new BtfVarSecinfo(map.applyAsInt(v.type()), v.offset(), v.size()));
      }
      return new BtfDatasec(d.name(), d.size(), vars);
    }
    // void, int, enum, enum64, fwd, float, unknown kinds: no type references
    return t;
  }

  static List<BtfMember> remapMembers(List<BtfMember> members, IntUnaryOperator map) {
    List<BtfMember> out = new ArrayList<>(members.size());
    for (BtfMember m : members) {
      out.add(new BtfMember(m.name(), map.applyAsInt(m.type()), m.bitOffset(), m.bitfieldSize()));
    }
    return out;
  }
}
