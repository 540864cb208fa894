package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import java.util.List;

/**
 * One C dump in progress, the counterpart of libbpf's {@code struct btf_dump}: {@link
 * #dumpType(int)} writes a type's definition together with every definition it needs that earlier
 * calls have not written yet (libbpf's {@code btf_dump__dump_type}).
 *
 * <p>Emission walks the ordered definitions and, for each, the types its members use: a named
 * struct met again while it is being defined (a pointer back to it from inside) needs a forward
 * declaration only if it is not the struct being defined; a typedef met while being defined (a
 * typedef of a pointer to a struct that refers back to the typedef) is written at that point.
 */
final class CDumper {
  private static final byte NOT_EMITTED = 0;
  private static final byte EMITTING = 1;
  private static final byte EMITTED = 2;

  /** Base types that GCC uses for ARM SIMD but C compilers do not know: alias them. */
  private static final String[][] MISSING_BASE_TYPES = {
    {"__Poly8_t", "unsigned char"},
    {"__Poly16_t", "unsigned short"},
    {"__Poly64_t", "unsigned long long"},
    {"__Poly128_t", "unsigned __int128"},
  };

  private final TypeCache types;
  private final CWriter out;
  private final CNames names;
  private final EmitOrder order;
  private final Definitions definitions;
  private final DepthGuard guard;
  private final byte[] emitState;
  private final boolean[] forwardEmitted;

  CDumper(Btf btf, CWriter out, boolean enumModes) {
    this.types = new TypeCache(btf);
    this.out = out;
    this.guard = new DepthGuard(btf.source());
    this.names = new CNames(types);
    this.order = new EmitOrder(types, guard);
    Layout layout = new Layout(types, guard);
    Declarators declarators = new Declarators(types, out, names, guard);
    this.definitions = new Definitions(out, names, layout, declarators, enumModes);
    declarators.setDefinitions(definitions);
    this.emitState = new byte[types.count()];
    this.emitState[0] = EMITTED;
    this.forwardEmitted = new boolean[types.count()];
  }

  /** The decoded types. */
  TypeCache types() {
    return types;
  }

  /** Writes type {@code id} and whatever it needs that is not written yet. */
  void dumpType(int id) {
    order.order(id);
    for (int i = 0; i < order.queued(); i++) {
      emitType(order.queuedAt(i), 0);
    }
    out.flushIfLarge();
  }

  /**
   * Emits type {@code id} (or, when {@code containerId} is not 0, makes sure what a definition of
   * struct {@code containerId} uses is declared).
   */
  private void emitType(int id, int containerId) {
    if (emitState[id] == EMITTED) {
      return;
    }
    guard.enter(id);
    try {
      emit(id, containerId);
    } finally {
      guard.exit();
    }
  }

  private void emit(int id, int containerId) {
    boolean topLevel = containerId == 0;
    BtfType t = types.get(id);
    if (emitState[id] == EMITTING) {
      emitWhileEmitting(id, t, containerId);
      return;
    }
    switch (t.kind()) {
      case INT:
        emitMissingAlias(id);
        emitState[id] = EMITTED;
        break;
      case ENUM:
      case ENUM64:
        if (topLevel) {
          definitions.enumeration(id, t, 0);
          out.append(";\n\n");
        }
        emitState[id] = EMITTED;
        break;
      case PTR:
        emitType(((BtfPtr) t).type(), containerId);
        break;
      case VOLATILE:
      case CONST:
      case RESTRICT:
      case TYPE_TAG:
        emitType(((BtfQualifier) t).type(), containerId);
        break;
      case ARRAY:
        emitType(((BtfArray) t).type(), containerId);
        break;
      case FWD:
        definitions.forward(id, (BtfFwd) t);
        out.append(";\n\n");
        emitState[id] = EMITTED;
        break;
      case TYPEDEF:
        emitState[id] = EMITTING;
        emitType(((BtfTypedef) t).type(), id);
        if (!forwardEmitted[id] && !isBuiltin(t)) {
          definitions.typedef(id, (BtfTypedef) t, 0);
          out.append(";\n\n");
        }
        emitState[id] = EMITTED;
        break;
      case STRUCT:
      case UNION:
        emitComposite(id, (BtfComposite) t, containerId);
        break;
      case FUNC_PROTO:
        BtfFuncProto proto = (BtfFuncProto) t;
        emitType(proto.returnType(), containerId);
        List<BtfParam> params = proto.params();
        for (int pI = 0; pI < params.size(); pI++) {
          BtfParam p = params.get(pI);
          emitType(p.type(), containerId);
        }
        break;
      default:
        break;
    }
  }

  private void emitComposite(int id, BtfComposite t, int containerId) {
    boolean topLevel = containerId == 0;
    emitState[id] = EMITTING;
    if (topLevel || t.isAnonymous()) {
      // the definition (or the inline anonymous one) names every member type
      int memberContainer = t.isAnonymous() ? containerId : id;
      List<BtfMember> members = t.members();
      for (int mI = 0; mI < members.size(); mI++) {
        BtfMember m = members.get(mI);
        emitType(m.type(), memberContainer);
      }
    } else if (!forwardEmitted[id] && id != containerId) {
      definitions.structForward(id, t);
      out.append(";\n\n");
      forwardEmitted[id] = true;
    }
    if (topLevel) {
      definitions.struct(id, t, 0);
      out.append(";\n\n");
      emitState[id] = EMITTED;
    } else {
      emitState[id] = NOT_EMITTED;
    }
  }

  /** Type {@code id} is met again while its own definition is being prepared. */
  private void emitWhileEmitting(int id, BtfType t, int containerId) {
    if (forwardEmitted[id]) {
      return;
    }
    switch (t.kind()) {
      case STRUCT:
      case UNION:
        if (id == containerId || t.isAnonymous()) {
          // inside its own definition: no declaration needed (an anonymous loop cannot have one)
          return;
        }
        definitions.structForward(id, (BtfComposite) t);
        out.append(";\n\n");
        forwardEmitted[id] = true;
        break;
      case TYPEDEF:
        // a typedef can stand in for a forward declaration of what it names through a pointer
        if (!isBuiltin(t)) {
          definitions.typedef(id, (BtfTypedef) t, 0);
          out.append(";\n\n");
        }
        forwardEmitted[id] = true;
        break;
      default:
        break;
    }
  }

  private void emitMissingAlias(int id) {
    String name = names.tag(id);
    for (String[] alias : MISSING_BASE_TYPES) {
      if (alias[0].equals(name)) {
        out.append("typedef ").append(alias[1]).append(' ').append(name).append(";\n\n");
        return;
      }
    }
  }

  /** {@code __builtin_va_list} is the compiler's own: redefining it breaks compilation. */
  private static boolean isBuiltin(BtfType t) {
    return t.name().equals("__builtin_va_list");
  }
}
