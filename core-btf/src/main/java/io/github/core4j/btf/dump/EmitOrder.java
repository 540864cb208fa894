package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnknown;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import java.util.List;

/**
 * The order in which definitions must appear so that C accepts them, found as libbpf's btf_dump
 * finds it: a depth-first walk that puts every definition after the definitions it needs. A type
 * needs the full definition of what it embeds ("strong" link); what it only reaches through a
 * pointer to a named struct, union or typedef can be forward-declared ("weak" link). Anonymous
 * types are defined inline, so they pass their needs on to the type that contains them.
 *
 * <p>The walk queues named structs, unions, typedefs, enums and forward declarations, plus
 * anonymous enums that no type refers to (top-level constants). Each type is queued at most once
 * per {@link CDumper} run.
 */
final class EmitOrder {
  // NOT_ORDERED is 0, the initial state of the state array.
  private static final byte ORDERING = 1;
  private static final byte ORDERED = 2;

  private final TypeCache types;
  private final DepthGuard guard;
  private final byte[] state;
  private final boolean[] referenced;
  private int[] queue = new int[64];
  private int queued;

  EmitOrder(TypeCache types, DepthGuard guard) {
    this.types = types;
    this.guard = guard;
    this.state = new byte[types.count()];
    this.state[0] = ORDERED;
    this.referenced = markReferenced(types);
  }

  /**
   * Which types another type refers to. An anonymous enum nobody refers to is a block of constants
   * and gets its own top-level definition; one that is referred to is printed inline.
   */
  private static boolean[] markReferenced(TypeCache types) {
    boolean[] referenced = new boolean[types.count()];
    for (int id = 1; id < types.count(); id++) {
      if (types.kind(id) == BtfKind.FUNC) {
        // a function refers to its prototype, never to an enum: skip decoding the many functions
        continue;
      }
      BtfType t = types.get(id);
      switch (t.kind()) {
        case INT:
        case ENUM:
        case ENUM64:
        case FWD:
        case FLOAT:
          break;
        case VOLATILE:
        case CONST:
        case RESTRICT:
        case TYPE_TAG:
          referenced[((BtfQualifier) t).type()] = true;
          break;
        case PTR:
          referenced[((BtfPtr) t).type()] = true;
          break;
        case TYPEDEF:
          referenced[((BtfTypedef) t).type()] = true;
          break;
        case VAR:
          referenced[((BtfVar) t).type()] = true;
          break;
        case DECL_TAG:
          referenced[((BtfDeclTag) t).type()] = true;
          break;
        case ARRAY:
          BtfArray a = (BtfArray) t;
          referenced[a.indexType()] = true;
          referenced[a.type()] = true;
          break;
        case STRUCT:
        case UNION:
          List<BtfMember> members = ((BtfComposite) t).members();
          for (int mI = 0; mI < members.size(); mI++) {
            BtfMember m = members.get(mI);
            referenced[m.type()] = true;
          }
          break;
        case FUNC_PROTO:
          List<BtfParam> params = ((BtfFuncProto) t).params();
          for (int pI = 0; pI < params.size(); pI++) {
            BtfParam p = params.get(pI);
            referenced[p.type()] = true;
          }
          break;
        case DATASEC:
          List<BtfVarSecinfo> vars = ((BtfDatasec) t).vars();
          for (int vI = 0; vI < vars.size(); vI++) {
            BtfVarSecinfo v = vars.get(vI);
            referenced[v.type()] = true;
          }
          break;
        default:
          throw unknownKind(types, id);
      }
    }
    return referenced;
  }

  /** Starts a new queue for the definitions {@code root} needs that are not yet queued. */
  void order(int root) {
    queued = 0;
    order(root, false);
  }

  /** How many ids the last {@link #order(int)} queued. */
  int queued() {
    return queued;
  }

  /** The {@code i}-th queued id. */
  int queuedAt(int i) {
    return queue[i];
  }

  /**
   * Orders type {@code id}, reached through a pointer when {@code throughPtr}; answers whether the
   * link to it is strong (the type must be fully defined before its user).
   */
  private boolean order(int id, boolean throughPtr) {
    if (state[id] == ORDERED) {
      return true;
    }
    if (isNotAType(types.kind(id))) {
      state[id] = ORDERED;
      return false;
    }
    BtfType t = types.get(id);
    if (state[id] == ORDERING) {
      if (t instanceof BtfComposite && throughPtr && !t.isAnonymous()) {
        return false;
      }
      throw new BtfFormatException(
          types.btf().source(),
          -1,
          "C dump: type [" + id + "] contains itself without a pointer to a named type in between");
    }
    guard.enter(id);
    try {
      return orderKind(t, id, throughPtr);
    } finally {
      guard.exit();
    }
  }

  private boolean orderKind(BtfType t, int id, boolean throughPtr) {
    switch (t.kind()) {
      case INT:
      case FLOAT:
        state[id] = ORDERED;
        return false;
      case PTR:
        boolean strongPtr = order(((BtfPtr) t).type(), true);
        state[id] = ORDERED;
        return strongPtr;
      case ARRAY:
        return order(((BtfArray) t).type(), false);
      case STRUCT:
      case UNION:
        if (throughPtr && !t.isAnonymous()) {
          return false;
        }
        state[id] = ORDERING;
        List<BtfMember> members = ((BtfComposite) t).members();
        for (int mI = 0; mI < members.size(); mI++) {
          BtfMember m = members.get(mI);
          order(m.type(), false);
        }
        if (!t.isAnonymous()) {
          enqueue(id);
        }
        state[id] = ORDERED;
        return true;
      case ENUM:
      case ENUM64:
      case FWD:
        if (!t.isAnonymous() || !referenced[id]) {
          enqueue(id);
        }
        state[id] = ORDERED;
        return true;
      case TYPEDEF:
        boolean strong = order(((BtfTypedef) t).type(), throughPtr);
        if (throughPtr && !strong) {
          return false;
        }
        enqueue(id);
        state[id] = ORDERED;
        return true;
      case VOLATILE:
      case CONST:
      case RESTRICT:
      case TYPE_TAG:
        return order(((BtfQualifier) t).type(), throughPtr);
      case FUNC_PROTO:
        BtfFuncProto proto = (BtfFuncProto) t;
        boolean anyStrong = order(proto.returnType(), throughPtr);
        List<BtfParam> params = proto.params();
        for (int pI = 0; pI < params.size(); pI++) {
          BtfParam p = params.get(pI);
          if (order(p.type(), throughPtr)) {
            anyStrong = true;
          }
        }
        return anyStrong;
      default:
        throw unknownKind(types, id);
    }
  }

  /** Functions, variables, sections and declaration tags: nothing to define in a header. */
  private static boolean isNotAType(BtfKind kind) {
    return kind == BtfKind.FUNC
        || kind == BtfKind.VAR
        || kind == BtfKind.DATASEC
        || kind == BtfKind.DECL_TAG;
  }

  private void enqueue(int id) {
    if (queued == queue.length) {
      queue = java.util.Arrays.copyOf(queue, queued * 2);
    }
    queue[queued++] = id;
  }

  private static BtfFormatException unknownKind(TypeCache types, int id) {
    BtfType t = types.get(id);
    String kind = t instanceof BtfUnknown u ? "unknown kind " + u.kindValue() : t.kind().name();
    return new BtfFormatException(
        types.btf().source(),
        -1,
        "C dump: type [" + id + "] has " + kind + ", which has no C form");
  }
}
