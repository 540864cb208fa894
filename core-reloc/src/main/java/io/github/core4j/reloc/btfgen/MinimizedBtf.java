package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.Btf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of btfgen: raw BTF holding only what the objects' CO-RE relocations need of the
 * target, plus how its types map back to the original ones.
 *
 * <p>Type ids are renumbered (kept types in original id order: vmlinux's, then each module's); a
 * kept struct or union keeps only some members, so member indices are renumbered too. Relocating
 * against this BTF gives the same results as against the original — the same fields at the same
 * offsets, the same sizes, values and failures — except {@code target_type_id}, which answers ids
 * of this BTF ({@link #originalId} maps them back), exactly as with bpftool's output.
 */
public final class MinimizedBtf {
  private final byte[] bytes;
  private final ByteOrder byteOrder;
  private final int[] originalIds;
  private final String[] originalSources;
  private final Map<Integer, int[]> memberIndices;
  private final int originalTypeCount;
  private final int relocationCount;
  private final List<RelocationFailure> failures;
  private volatile @Nullable Btf parsed;

  MinimizedBtf(
      byte[] bytes,
      ByteOrder byteOrder,
      int[] originalIds,
      String[] originalSources,
      Map<Integer, int[]> memberIndices,
      int originalTypeCount,
      int relocationCount,
      List<RelocationFailure> failures) {
    this.bytes = bytes;
    this.byteOrder = byteOrder;
    this.originalIds = originalIds;
    this.originalSources = originalSources;
    this.memberIndices = Map.copyOf(memberIndices);
    this.originalTypeCount = originalTypeCount;
    this.relocationCount = relocationCount;
    this.failures = List.copyOf(failures);
  }

  /** The raw BTF bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** How many bytes the raw BTF has. */
  public int size() {
    return bytes.length;
  }

  /** The byte order the BTF was written in. */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  /** Writes the raw BTF to {@code file}, replacing it. */
  public void writeTo(Path file) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The BTF, parsed (and so validated) once. */
  public Btf btf() {
    Btf b = parsed;
    if (b == null) {
      b = Btf.parse(bytes, "minimized BTF").validate();
      parsed = b;
    }
    return b;
  }

  /** Type count, counting void (libbpf's {@code btf__type_cnt}). */
  public int typeCount() {
    return originalIds.length;
  }

  /** The original type count, counting void: vmlinux's types plus the modules' own. */
  public int originalTypeCount() {
    return originalTypeCount;
  }

  /**
   * The id type {@code newId} had in its original BTF (module ids continue vmlinux's, as in split
   * BTF); 0 for 0.
   */
  public int originalId(int newId) {
    return originalIds[checkId(newId)];
  }

  /** The name of the target BTF type {@code newId} comes from: "vmlinux" or a module's name. */
  public String originalSource(int newId) {
    return originalSources[checkId(newId)];
  }

  /**
   * The original index of member {@code index} of struct or union {@code newId}.
   *
   * @throws IllegalArgumentException when {@code newId} is not a struct or union with that many
   *     members
   */
  public int originalMemberIndex(int newId, int index) {
    int[] map = memberIndices.get(checkId(newId));
    if (map == null || index < 0 || index >= map.length) {
      throw new IllegalArgumentException("type " + newId + " has no member " + index);
    }
    return map[index];
  }

  /** How many CO-RE relocations the objects have (all of them were resolved). */
  public int relocationCount() {
    return relocationCount;
  }

  /**
   * The relocations that fail against the original BTF (and, by construction, against this one):
   * libbpf would refuse to load their objects on this kernel.
   */
  public List<RelocationFailure> failures() {
    return failures;
  }

  private int checkId(int newId) {
    if (newId < 0 || newId >= originalIds.length) {
      throw new IllegalArgumentException(
          "no type " + newId + " in the minimized BTF (ids 0.." + (originalIds.length - 1) + ")");
    }
    return newId;
  }

  @Override
  public String toString() {
    return "MinimizedBtf["
        + (typeCount() - 1)
        + " of "
        + (originalTypeCount - 1)
        + " types, "
        + bytes.length
        + " bytes, "
        + relocationCount
        + " relocations, "
        + failures.size()
        + " failing]";
  }
}
