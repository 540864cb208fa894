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
  private final int[] offsets;
  private final byte[] kinds;
  private final byte[] state;
  private final int[] stackIds;
  private final int[] stackEdge;
  private final int[] stackEdges;

  CycleCheck(Btf btf) {
    this.btf = btf;
    this.b = btf.buffer();
    this.firstId = btf.firstId();
    this.offsets = btf.localOffsets();
    this.kinds = btf.localKinds();
    int n = btf.localCount();
    this.state = new byte[n];
    this.stackIds = new int[n];
    this.stackEdge = new int[n];
    this.stackEdges = new int[n];
  }

  void run() {
    for (int i = 0; i < state.length; i++) {
      if (isLeaf(kinds[i])) {
        state[i] = DONE;
      }
    }
    for (int i = 0; i < state.length; i++) {
      if (state[i] == UNSEEN) {
        search(i);
      }
    }
  }

  /**
   * Kinds with no non-pointer reference: int, ptr, enum, fwd, float, enum64 (and unknown kinds).
   */
  private static boolean isLeaf(int kind) {
    return kind == 1
        || kind == 2
        || kind == 6
        || kind == 7
        || kind == 16
        || kind == 19
        || kind > 19;
  }

  /** Depth-first search from local index {@code root}; the stack holds local indexes. */
  private void search(int root) {
    int rootEdges = edgeCount(offsets[root]);
    if (rootEdges == 0) {
      state[root] = DONE;
      return;
    }
    int depth = 0;
    stackIds[0] = root;
    stackEdge[0] = 0;
    stackEdges[0] = rootEdges;
    state[root] = ON_PATH;
    while (depth >= 0) {
      int local = stackIds[depth];
      int edge = stackEdge[depth];
      if (edge >= stackEdges[depth]) {
        state[local] = DONE;
        depth--;
        continue;
      }
      stackEdge[depth] = edge + 1;
      int next = target(offsets[local], edge) - firstId;
      if (next < 0) {
        continue; // void or a base type: the base was checked on its own
      }
      byte s = state[next];
      if (s == DONE) {
        continue;
      }
      if (s == ON_PATH) {
        throw cycle(depth, next);
      }
      int edges = edgeCount(offsets[next]);
      if (edges == 0) {
        state[next] = DONE;
        continue;
      }
      state[next] = ON_PATH;
      depth++;
      stackIds[depth] = next;
      stackEdge[depth] = 0;
      stackEdges[depth] = edges;
    }
  }

  /** Number of non-pointer references out of the type at {@code off}. */
  private int edgeCount(int off) {
    int info = b.getInt(off + 4);
    int vlen = info & 0xffffff;
    int kind = (info >>> 24) & 0x7f;
    if (kind == 4 || kind == 5 || kind == 15) {
      return vlen; // struct, union, datasec: one per member or variable
    }
    if (kind == 13) {
      return vlen + 1; // func proto: return type and parameters
    }
    return isLeaf(kind) ? 0 : 1; // typedef, qualifiers, type tag, array, var, func, decl tag
  }

  private int target(int off, int edge) {
    int kind = (b.getInt(off + 4) >>> 24) & 0x7f;
    int data = off + 12;
    return switch (kind) {
      case 3 -> b.getInt(data);
      case 4, 5 -> b.getInt(data + edge * 12 + 4);
      case 15 -> b.getInt(data + edge * 12);
      case 13 -> edge == 0 ? b.getInt(off + 8) : b.getInt(data + (edge - 1) * 8 + 4);
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
      path.append(describe(firstId + stackIds[i])).append(" -> ");
    }
    int backId = firstId + back;
    path.append('[').append(backId).append(']');
    return new BtfFormatException(
        btf.source(),
        offsets[back],
        "type ["
            + backId
            + "] is part of a reference cycle that passes through no pointer: "
            + path);
  }

  private String describe(int id) {
    String name = btf.name(id);
    return "[" + id + "] " + btf.kind(id) + (name.isEmpty() ? "" : " '" + name + "'");
  }
}
