package io.github.core4j.reloc;

import io.github.core4j.btf.OneLine;

/**
 * A CO-RE relocation that libbpf would refuse (its load fails with {@link #code()}), or bad input
 * to the engine. Messages name the types and field paths involved, for example {@code struct
 * task_struct.__state}.
 */
public class RelocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /** A failure with libbpf's error code and a message naming types and fields. */
  public RelocationException(ErrorCode code, String message) {
    super(OneLine.of(message));
    this.code = code;
  }

  /** The errno libbpf would fail with. */
  public ErrorCode code() {
    return code;
  }
}
