package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
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
import io.github.core4j.btf.write.BtfBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The same types under other ids: base BTF with its types stored in a shuffled order. */
final class Renumbering {
  private Renumbering() {}

  /** {@code btf} with its types in a random order drawn from {@code seed}. */
  static Btf shuffled(Btf btf, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int id = 1; id < btf.typeCount(); id++) {
      order.add(id);
    }
    Collections.shuffle(order, new Random(seed));
    int[] newId = new int[btf.typeCount()];
    for (int k = 0; k < order.size(); k++) {
      newId[order.get(k)] = k + 1;
    }
    BtfBuilder b = new BtfBuilder();
    for (int old : order) {
      b.add(remap(btf.type(old), newId));
    }
    return b.build();
  }

  private static BtfType remap(BtfType t, int[] n) {
    if (t instanceof BtfPtr p) {
      return new BtfPtr(p.name(), n[p.type()]);
    } else if (t instanceof BtfTypedef td) {
      return new BtfTypedef(td.name(), n[td.type()]);
    } else if (t instanceof BtfConst q) {
      return new BtfConst(q.name(), n[q.type()]);
    } else if (t instanceof BtfVolatile q) {
      return new BtfVolatile(q.name(), n[q.type()]);
    } else if (t instanceof BtfRestrict q) {
      return new BtfRestrict(q.name(), n[q.type()]);
    } else if (t instanceof BtfTypeTag q) {
      return new BtfTypeTag(q.name(), n[q.type()], q.attribute());
    } else if (t instanceof BtfArray a) {
      return new BtfArray(a.name(), n[a.type()], n[a.indexType()], a.nelems());
    } else if (t instanceof BtfStruct s) {
      return new BtfStruct(s.name(), s.size(), s.kindFlag(), members(s.members(), n));
    } else if (t instanceof BtfUnion u) {
      return new BtfUnion(u.name(), u.size(), u.kindFlag(), members(u.members(), n));
    } else if (t instanceof BtfFunc f) {
      return new BtfFunc(f.name(), n[f.type()], f.linkage());
    } else if (t instanceof BtfFuncProto f) {
      List<BtfParam> params = new ArrayList<>();
      for (BtfParam p : f.params()) {
        params.add(new BtfParam(p.name(), n[p.type()]));
      }
      return new BtfFuncProto(f.name(), n[f.returnType()], params);
    } else if (t instanceof BtfVar v) {
      return new BtfVar(v.name(), n[v.type()], v.linkage());
    } else if (t instanceof BtfDatasec d) {
      List<BtfVarSecinfo> vars = new ArrayList<>();
      for (BtfVarSecinfo v : d.vars()) {
        vars.add(new BtfVarSecinfo(n[v.type()], v.offset(), v.size()));
      }
      return new BtfDatasec(d.name(), d.size(), vars);
    } else if (t instanceof BtfDeclTag d) {
      return new BtfDeclTag(d.name(), n[d.type()], d.componentIdx(), d.attribute());
    }
    return t; // no references: int, float, enum, enum64, fwd
  }

  private static List<BtfMember> members(List<BtfMember> members, int[] n) {
    List<BtfMember> out = new ArrayList<>();
    for (BtfMember m : members) {
      out.add(new BtfMember(m.name(), n[m.type()], m.bitOffset(), m.bitfieldSize()));
    }
    return out;
  }
}
