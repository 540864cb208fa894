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

  /** The loaded program; throws {@link IllegalStateException} before load. */
  public BpfProgram program() {
    return skeleton.loaded().program(name);
  }

  /** The skeleton the program belongs to. */
  protected BpfSkeleton skeleton() {
    return skeleton;
  }
}
