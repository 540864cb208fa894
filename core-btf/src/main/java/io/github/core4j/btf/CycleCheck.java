package io.github.core4j.btf;

import java.nio.ByteBuffer;

/**
 * Finds reference cycles that do not pass through a pointer (a typedef of itself, a struct
 * containing itself): such BTF has no finite layout and would send size resolution, relocation and
 * C dumping into endless loops. Iterative depth-first search over the local types, linear in their
 * number.
 */
final class CycleCheck {
  private static final byte UNSEEN = 0;
  private static final byte ON_PATH = 1;
  private static final byte DONE = 2;

  private final Btf btf;
  private final ByteBuffer b;
  private final int firstId;
  private final byte[] state;
  private final int[] stackIds;
  private final int[] stackEdge;

  CycleCheck(Btf btf) {
    this.btf = btf;
    this.b = btf.buffer();
    this.firstId = btf.firstId();
    int n = btf.localCount();
    this.state = new byte[n];
    this.stackIds = new int[n];
    this.stackEdge = new int[n];
  }

  void run() {
    for (int i = 0; i < state.length; i++) {
      if (state[i] == UNSEEN) {
        search(firstId + i);
      }
    }
  }

  private void search(int root) {
    int depth = 0;
    stackIds[0] = root;
    stackEdge[0] = 0;
    state[root - firstId] = ON_PATH;
    while (depth >= 0) {
      int id = stackIds[depth];
      int off = btf.offsetOf(id);
      int edge = stackEdge[depth];
      if (edge >= edgeCount(off)) {
        state[id - firstId] = DONE;
        depth--;
        continue;
      }
      stackEdge[depth] = edge + 1;
      int next = target(off, edge);
      if (next < firstId) {
        continue; // void or a base type: the base was checked on its own
      }
      byte s = state[next - firstId];
      if (s == ON_PATH) {
        throw cycle(depth, next);
      }
      if (s == UNSEEN) {
        state[next - firstId] = ON_PATH;
        depth++;
        stackIds[depth] = next;
        stackEdge[depth] = 0;
      }
    }
  }

  /** Number of non-pointer references out of the type at {@code off}. */
  private int edgeCount(int off) {
    int info = b.getInt(off + 4);
    BtfKind kind = BtfKind.ofValue((info >>> 24) & 0x7f);
    if (kind == null) {
      return 0;
    }
    int vlen = info & 0xffffff;
    return switch (kind) {
      case TYPEDEF, VOLATILE, CONST, RESTRICT, TYPE_TAG, ARRAY, VAR, FUNC, DECL_TAG -> 1;
      case STRUCT, UNION, DATASEC -> vlen;
      case FUNC_PROTO -> vlen + 1;
      default -> 0;
    };
  }

  private int target(int off, int edge) {
    int info = b.getInt(off + 4);
    BtfKind kind = BtfKind.ofValue((info >>> 24) & 0x7f);
    int data = off + 12;
    return switch (kind) {
      case ARRAY -> b.getInt(data);
      case STRUCT, UNION -> b.getInt(data + edge * 12 + 4);
      case DATASEC -> b.getInt(data + edge * 12);
      case FUNC_PROTO -> edge == 0 ? b.getInt(off + 8) : b.getInt(data + (edge - 1) * 8 + 4);
      default -> b.getInt(off + 8);
    };
  }

  private BtfFormatException cycle(int depth, int back) {
    StringBuilder path = new StringBuilder();
    int from = depth;
    while (stackIds[from] != back) {
      from--;
    }
    for (int i = from; i <= depth; i++) {
      path.append(describe(stackIds[i])).append(" -> ");
    }
    path.append('[').append(back).append(']');
    return new BtfFormatException(
        btf.source(),
        btf.offsetOf(back),
        "type [" + back + "] is part of a reference cycle that passes through no pointer: " + path);
  }

  private String describe(int id) {
    String name = btf.name(id);
    return "[" + id + "] " + btf.kind(id) + (name.isEmpty() ? "" : " '" + name + "'");
  }
}
