package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.write.BtfBuilder;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** A terse front end to {@link BtfBuilder} for writing test BTF by hand. */
final class TypeBuilder {
  private final BtfBuilder builder;
  private final Btf base;

  TypeBuilder() {
    this(null);
  }

  TypeBuilder(Btf base) {
    this.base = base;
    this.builder = base == null ? new BtfBuilder() : new BtfBuilder(base);
  }

  /** A struct or union member: name ("" for anonymous), type, bit offset, bitfield size. */
  static BtfMember m(String name, int type, int bitOffset) {
    return new BtfMember(name, type, bitOffset, 0);
  }

  static BtfMember bits(String name, int type, int bitOffset, int size) {
    return new BtfMember(name, type, bitOffset, size);
  }

  int signedInt(String name, int size) {
    return builder.add(new BtfInt(name, size, BtfInt.SIGNED, 0, size * 8));
  }

  int unsignedInt(String name, int size) {
    return builder.add(new BtfInt(name, size, 0, 0, size * 8));
  }

  int floatType(String name, int size) {
    return builder.add(new BtfFloat(name, size));
  }

  int struct(String name, int size, BtfMember... members) {
    boolean kflag = false;
    for (BtfMember mem : members) {
      kflag |= mem.isBitfield();
    }
    return builder.add(new BtfStruct(name, size, kflag, List.of(members)));
  }

  int union(String name, int size, BtfMember... members) {
    return builder.add(new BtfUnion(name, size, false, List.of(members)));
  }

  int array(int elem, int indexType, int n) {
    return builder.add(new BtfArray("", elem, indexType, n));
  }

  int ptr(int type) {
    return builder.add(new BtfPtr("", type));
  }

  int constOf(int type) {
    return builder.add(new BtfConst("", type));
  }

  int typedef(String name, int type) {
    return builder.add(new BtfTypedef(name, type));
  }

  int fwd(String name, boolean union) {
    return builder.add(new BtfFwd(name, union));
  }

  int funcProto(int ret, int... params) {
    List<BtfParam> ps = new ArrayList<>();
    for (int p : params) {
      ps.add(new BtfParam("", p));
    }
    return builder.add(new BtfFuncProto("", ret, ps));
  }

  /** An enum of 32-bit values given as name, value, name, value, ... */
  int enum32(String name, int size, boolean signed, Object... nameValue) {
    List<BtfEnumValue> vs = new ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      vs.add(new BtfEnumValue((String) nameValue[i], ((Number) nameValue[i + 1]).intValue()));
    }
    return builder.add(new BtfEnum(name, size, signed, vs));
  }

  int enum64(String name, boolean signed, Object... nameValue) {
    List<BtfEnum64Value> vs = new ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      vs.add(new BtfEnum64Value((String) nameValue[i], ((Number) nameValue[i + 1]).longValue()));
    }
    return builder.add(new BtfEnum64(name, 8, signed, vs));
  }

  int nextId() {
    return builder.nextId();
  }

  byte[] bytes() {
    return builder.toBytes(ByteOrder.LITTLE_ENDIAN);
  }

  Btf build(String source) {
    return base == null ? Btf.parse(bytes(), source) : Btf.parseSplit(bytes(), base, source);
  }
}
