package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * C declarations of a name with a type: {@code int (*handlers[4])(struct ops *)}. BTF spells a type
 * from the outside in (array of pointer to function returning int); C wraps the declared name in it
 * from the inside out, with qualifiers to the left of base types but to the right of pointers. Like
 * libbpf's btf_dump, the chain of types down to the first named or base type is pushed on a stack
 * and written back while popping, recursing for arrays and function prototypes that need
 * parentheses. Nested declarations (parameters, inline anonymous structs) use the part of the
 * shared stack above the current chain.
 */
final class Declarators {
  private final TypeCache types;
  private final CWriter out;
  private final CNames names;
  private final DepthGuard guard;
  private @Nullable Definitions definitions;
  private int[] stack = new int[64];
  private int size;

  /** A view of one chain on the shared stack: ids {@code base .. base + count - 1}. */
  private static final class Chain {
    final int base;
    int count;

    Chain(int base, int count) {
      this.base = base;
      this.count = count;
    }
  }

  Declarators(TypeCache types, CWriter out, CNames names, DepthGuard guard) {
    this.types = types;
    this.out = out;
    this.names = names;
    this.guard = guard;
  }

  private Definitions defs() {
    return java.util.Objects.requireNonNull(definitions, "setDefinitions() first");
  }

  /** Connects the definitions that inline anonymous types in declarations. */
  void setDefinitions(Definitions definitions) {
    this.definitions = definitions;
  }

  /** Writes the declaration of {@code name} (may be empty) with type {@code id}. */
  void declare(int id, String name, int lvl) {
    guard.enter(id);
    try {
      declareChain(id, name, lvl);
    } finally {
      guard.exit();
    }
  }

  private void declareChain(int id, String name, int lvl) {
    int start = size;
    for (; ; ) {
      push(id, start);
      if (id == 0) {
        break;
      }
      int next = nextInChain(types.get(id));
      if (next < 0) {
        break;
      }
      id = next;
    }
    emitChain(new Chain(start, size - start), name, lvl);
    size = start;
  }

  /** The type a declarator chain continues with after {@code t}, or -1 where the chain ends. */
  private static int nextInChain(BtfType t) {
    switch (t.kind()) {
      case PTR:
        return ((BtfPtr) t).type();
      case VOLATILE:
      case CONST:
      case RESTRICT:
      case TYPE_TAG:
        return ((BtfQualifier) t).type();
      case FUNC_PROTO:
        return ((BtfFuncProto) t).returnType();
      case ARRAY:
        return ((BtfArray) t).type();
      default:
        return -1;
    }
  }

  private void push(int id, int start) {
    if (size - start >= DepthGuard.MAX_DEPTH) {
      throw DepthGuard.tooDeep(types.btf().source(), id);
    }
    if (size == stack.length) {
      stack = Arrays.copyOf(stack, size * 2);
    }
    stack[size++] = id;
  }

  private int top(Chain c) {
    return stack[c.base + c.count - 1];
  }

  private void emitChain(Chain c, String name, int lvl) {
    boolean lastWasPtr = true;
    while (c.count > 0) {
      int id = stack[c.base + --c.count];
      if (id == 0) {
        emitQualifiers(c);
        out.append("void");
        lastWasPtr = false;
        continue;
      }
      BtfType t = types.get(id);
      BtfKind kind = t.kind();
      switch (kind) {
        case INT:
        case FLOAT:
          emitQualifiers(c);
          out.append(t.name());
          break;
        case STRUCT:
        case UNION:
          emitQualifiers(c);
          if (t.isAnonymous()) {
            defs().struct(id, (BtfComposite) t, lvl);
          } else {
            defs().structForward(id, (BtfComposite) t);
          }
          break;
        case ENUM:
        case ENUM64:
          emitQualifiers(c);
          if (t.isAnonymous()) {
            defs().enumeration(id, t, lvl);
          } else {
            defs().enumForward(id);
          }
          break;
        case FWD:
          emitQualifiers(c);
          defs().forward(id, (BtfFwd) t);
          break;
        case TYPEDEF:
          emitQualifiers(c);
          out.append(names.ident(id));
          break;
        case PTR:
          out.append(lastWasPtr ? "*" : " *");
          break;
        case VOLATILE:
          out.append(" volatile");
          break;
        case CONST:
          out.append(" const");
          break;
        case RESTRICT:
          out.append(" restrict");
          break;
        case TYPE_TAG:
          emitQualifiers(c);
          out.append(" __attribute__((btf_type_tag(\"").append(t.name()).append("\")))");
          break;
        case ARRAY:
          emitArray(c, (BtfArray) t, name, lastWasPtr, lvl);
          return;
        case FUNC_PROTO:
          emitFunction(c, (BtfFuncProto) t, name, lastWasPtr, lvl);
          return;
        default:
          // libbpf warns about an unexpected type in a declaration and gives the chain up
          return;
      }
      lastWasPtr = kind == BtfKind.PTR;
    }
    emitName(name, lastWasPtr);
  }

  private void emitArray(Chain c, BtfArray a, String name, boolean lastWasPtr, int lvl) {
    // qualifiers of an array (GCC puts the element's there) mean nothing in C: drop them
    dropQualifiers(c);
    if (c.count == 0) {
      emitName(name, lastWasPtr);
      out.append('[').append(a.elementCount()).append(']');
      return;
    }
    boolean multidim = types.kind(top(c)) == BtfKind.ARRAY;
    if (!name.isEmpty() && !lastWasPtr) {
      out.append(' ');
    }
    if (!multidim) {
      out.append('(');
    }
    emitChain(c, name, lvl);
    if (!multidim) {
      out.append(')');
    }
    out.append('[').append(a.elementCount()).append(']');
  }

  private void emitFunction(Chain c, BtfFuncProto proto, String name, boolean lastWasPtr, int lvl) {
    // GCC marks noreturn function pointers volatile; C does not need it: drop qualifiers
    dropQualifiers(c);
    if (c.count > 0) {
      out.append(" (");
      emitChain(c, name, lvl);
      out.append(')');
    } else {
      emitName(name, lastWasPtr);
    }
    out.append('(');
    List<BtfParam> params = proto.params();
    int n = params.size();
    // no parameters (clang spells that as one void parameter): (void), as the libbpf fix of
    // 2024 that Linux 6.1's stable libbpf, and so bpftool 7.1 on Debian, carries
    if (n == 0 || (n == 1 && params.get(0).type() == 0)) {
      out.append("void)");
      return;
    }
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(", ");
      }
      BtfParam p = params.get(i);
      if (i == n - 1 && p.type() == 0) {
        out.append("...");
        break;
      }
      declare(p.type(), p.name(), lvl);
    }
    out.append(')');
  }

  /** Writes the qualifiers on top of the chain in front of a base type. */
  private void emitQualifiers(Chain c) {
    while (c.count > 0) {
      switch (types.kind(top(c))) {
        case VOLATILE:
          out.append("volatile ");
          break;
        case CONST:
          out.append("const ");
          break;
        case RESTRICT:
          out.append("restrict ");
          break;
        default:
          return;
      }
      c.count--;
    }
  }

  private void dropQualifiers(Chain c) {
    while (c.count > 0 && isQualifier(types.kind(top(c)))) {
      c.count--;
    }
  }

  private static boolean isQualifier(BtfKind kind) {
    return kind == BtfKind.VOLATILE
        || kind == BtfKind.CONST
        || kind == BtfKind.RESTRICT
        || kind == BtfKind.TYPE_TAG;
  }

  private void emitName(String name, boolean lastWasPtr) {
    if (!name.isEmpty() && !lastWasPtr) {
      out.append(' ');
    }
    out.append(name);
  }
}
