package io.github.core4j.reloc.kernels;

import io.github.core4j.btf.Btf;
import io.github.core4j.reloc.BtfTypes;
import io.github.core4j.reloc.TargetBtf;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One kernel's BTF as a {@link KernelSource} hands it out: its name (the file name without {@code
 * .btf}, {@code .tar.xz} or {@code .btf.tar.xz}), where it was read from, and the parsed BTF.
 *
 * <p>The relocation helpers over the BTF ({@link #target()}) are built once, on first use, so every
 * object checked against this kernel shares the decoded types and the name index. Drop the kernel
 * when done with it: nothing else holds on to its bytes.
 */
public final class Kernel {
  private final String name;
  private final String location;
  private final Btf btf;
  private final @Nullable Set<String> indexedNames;
  private volatile @Nullable TargetBtf target;

  /** A kernel named {@code name}, read from {@code location}. */
  public Kernel(String name, String location, Btf btf) {
    this(name, location, btf, null);
  }

  private Kernel(String name, String location, Btf btf, @Nullable Set<String> indexedNames) {
    this.name = name;
    this.location = location;
    this.btf = btf;
    this.indexedNames = indexedNames;
  }

  /**
   * The same kernel for callers that will search it only for types of these essential names: its
   * {@link #target()} indexes just them ({@link BtfTypes#forNames}), which is much cheaper than
   * indexing every name of a vmlinux.
   */
  public Kernel indexingOnly(Set<String> essentialNames) {
    return new Kernel(name, location, btf, Set.copyOf(essentialNames));
  }

  /** The kernel's name, as the matrix reports it. */
  public String name() {
    return name;
  }

  /** Where the BTF came from (a path, or {@code archive:entry}), for messages. */
  public String location() {
    return location;
  }

  /** The kernel's BTF. */
  public Btf btf() {
    return btf;
  }

  /**
   * The BTF as a relocation target named {@code vmlinux}, built once and shared (indexing only the
   * names given to {@link #indexingOnly}, if it made this kernel).
   */
  public TargetBtf target() {
    TargetBtf t = target;
    if (t == null) {
      synchronized (this) {
        t = target;
        if (t == null) {
          Set<String> names = indexedNames;
          t =
              names == null
                  ? TargetBtf.of("vmlinux", btf)
                  : new TargetBtf("vmlinux", BtfTypes.forNames(btf, names));
          target = t;
        }
      }
    }
    return t;
  }

  @Override
  public String toString() {
    return "Kernel[" + name + " from " + location + "]";
  }
}
