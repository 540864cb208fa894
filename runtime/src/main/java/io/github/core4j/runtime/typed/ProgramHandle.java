package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.prog.BpfProgram;

/**
 * One program of a skeleton, by its C function name. Before load it can be left out of loading;
 * after load it gives the kernel program.
 */
public sealed class ProgramHandle permits RunnableProgram, AttachableProgram {
  private final BpfSkeleton skeleton;
  private final String name;

  /** The program {@code name} of {@code skeleton}. */
  public ProgramHandle(BpfSkeleton skeleton, String name) {
    this.skeleton = skeleton;
    this.name = name;
  }

  /** The C function name. */
  public String name() {
    return name;
  }

  /** Whether the program is loaded with the others (before load only). */
  public void autoload(boolean load) {
    if (skeleton.isLoaded()) {
      throw new IllegalStateException(
          "program " + name + " is already loaded: choose autoload before load()");
    }
    skeleton.openObject().autoload(name, load);
  }

  /**
   * The loaded program; throws {@link IllegalStateException} before load and for a program left out
   * of loading ({@code SEC("?...")} or {@link #autoload autoload(false)}).
   */
  public BpfProgram program() {
    if (!skeleton.openObject().autoload(name)) {
      throw new IllegalStateException(
          "program "
              + name
              + " was not loaded: its section starts with '?' or autoload is off; call"
              + " autoload(true) before load()");
    }
    return skeleton.loaded().program(name);
  }

  /** Whether the program is loaded with the others ({@code SEC("?...")} programs are not). */
  public boolean autoload() {
    return skeleton.openObject().autoload(name);
  }

  /** The skeleton the program belongs to. */
  protected BpfSkeleton skeleton() {
    return skeleton;
  }
}
