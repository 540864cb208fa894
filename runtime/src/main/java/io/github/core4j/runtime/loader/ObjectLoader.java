package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import java.nio.file.Path;

/**
 * Entry point: opens a BPF object file for loading; nothing touches the kernel until {@code load}.
 */
@SuppressWarnings("DoNotCallSuggester") // API stub until the loader lands
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

  /** Opens an already parsed object. */
  public static OpenObject open(BpfObject object) {
    throw new UnsupportedOperationException("not yet");
  }
}
