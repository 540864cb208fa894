package io.github.core4j.skeleton;

import io.github.core4j.elf.object.BpfObject;
import org.jspecify.annotations.Nullable;

/** Generates the skeleton class of one BPF object. */
@SuppressWarnings("DoNotCallSuggester") // API stub until the generator lands
public final class SkeletonGenerator {
  private SkeletonGenerator() {}

  /**
   * Generates {@code packageName.className} for {@code object}; {@code className} defaults (when
   * {@code null}) to the object's file name in UpperCamelCase ({@code xdp_filter.bpf.o} → {@code
   * XdpFilter}). The same object and names always give the same source.
   */
  public static GeneratedSkeleton generate(
      BpfObject object, byte[] objectBytes, String packageName, @Nullable String className) {
    throw new UnsupportedOperationException("not yet");
  }
}
