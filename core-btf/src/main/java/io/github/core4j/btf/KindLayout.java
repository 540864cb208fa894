package io.github.core4j.btf;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The optional BTF layout section: for each kind known to the encoder, the size of its singular
 * data and of each vlen element. core4j uses it only to step over kinds it does not know.
 */
final class KindLayout {
  static final KindLayout NONE = new KindLayout(null, 0, 0);

  private final @Nullable ByteBuffer buf;
  private final int start;
  private final int count;

  KindLayout(@Nullable ByteBuffer buf, int start, int count) {
    this.buf = buf;
    this.start = start;
    this.count = count;
  }

  boolean covers(int kind) {
    return kind < count;
  }

  int infoSize(int kind) {
    return java.util.Objects.requireNonNull(buf).get(start + kind * 4) & 0xff;
  }

  int elementSize(int kind) {
    return java.util.Objects.requireNonNull(buf).get(start + kind * 4 + 1) & 0xff;
  }

  boolean isPresent() {
    return count > 0;
  }
}
