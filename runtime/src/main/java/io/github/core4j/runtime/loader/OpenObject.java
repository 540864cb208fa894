package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import java.lang.foreign.MemorySegment;

/**
 * An object opened but not loaded: its global data can still be changed (this is where a skeleton's
 * {@code rodata()} setters write) and programs can be excluded from loading.
 */
@SuppressWarnings("DoNotCallSuggester") // API stub until the loader lands
public final class OpenObject {
  private OpenObject() {}

  /** The parsed object. */
  public BpfObject object() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The initial contents of a global data section ({@code .rodata}, {@code .data}, {@code .bss},
   * {@code .rodata.*}, {@code .data.*}): a writable segment of the section's size in the object's
   * byte order, copied into the kernel map at load. Throws {@link IllegalArgumentException} naming
   * the sections there are when the object has no such section.
   */
  public MemorySegment globalData(String section) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Whether program {@code name} (C function name) is loaded; {@code SEC("?...")} programs start
   * off.
   */
  public OpenObject autoload(String name, boolean load) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Loads with {@link LoadOptions#defaults()}. */
  public LoadedObject load() {
    return load(LoadOptions.defaults());
  }

  /**
   * Relocates, creates maps, loads programs. On failure everything created so far is closed and a
   * {@link io.github.core4j.runtime.BpfException} says which program or map failed and why.
   */
  public LoadedObject load(LoadOptions options) {
    throw new UnsupportedOperationException("not yet");
  }
}
