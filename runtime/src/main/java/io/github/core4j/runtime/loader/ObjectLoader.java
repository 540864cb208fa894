package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import java.nio.file.Path;

/**
 * Entry point: opens a BPF object file for loading; nothing touches the kernel until {@code load}.
 */
public final class ObjectLoader {
  private ObjectLoader() {}

  /** Opens the object at {@code path}. */
  public static OpenObject open(Path path) {
    return open(BpfObject.open(path));
  }

  /**
   * Opens an object held in memory (a skeleton's embedded bytes); {@code name} is used in messages.
   */
  public static OpenObject open(byte[] bytes, String name) {
    return open(BpfObject.open(bytes, name));
  }

  /**
   * Opens an already parsed object. Like libbpf, only objects in the host's byte order can be
   * loaded: others are refused here with an {@link IllegalArgumentException}.
   */
  public static OpenObject open(BpfObject object) {
    if (object.byteOrder() != java.nio.ByteOrder.nativeOrder()) {
      throw new IllegalArgumentException(
          object.source()
              + ": the object is "
              + (object.byteOrder() == java.nio.ByteOrder.BIG_ENDIAN ? "big" : "little")
              + "-endian but this machine is not (endian mismatch: build it for this target,"
              + " e.g. the bpfel object)");
    }
    return new OpenObject(object);
  }
}
