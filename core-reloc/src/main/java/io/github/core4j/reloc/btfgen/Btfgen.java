package io.github.core4j.reloc.btfgen;

import io.github.core4j.reloc.CandidateAttempt;
import io.github.core4j.reloc.RelocationKind;
import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.Relocator;
import io.github.core4j.reloc.Targets;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * btfgen: BTF trimmed to what some BPF objects' CO-RE relocations need of a kernel, for shipping
 * with programs that must run on kernels without {@code /sys/kernel/btf/vmlinux} (libbpf's {@code
 * btf_custom_path}). The same result as {@code bpftool gen min_core_btf TARGET OUT OBJ...}:
 *
 * <ol>
 *   <li>relocate every object against the target with core4j's engine ({@link Relocator}, libbpf's
 *       decisions), one relocator per object as bpftool does;
 *   <li>mark what each relocation's target spec needs ({@link CandidateSelection}, {@link
 *       TypeMarker}): for field relocations the root type and each member on the access path with
 *       its type; for type relocations the type without members; for {@code type_matches} the type
 *       with all members, recursively; for enumerator relocations the whole enum; nothing for
 *       {@code local_type_id};
 *   <li>write the marked types as new BTF ({@link MinimalBtfBuilder}), offsets and sizes unchanged.
 * </ol>
 *
 * <p>Beyond bpftool: targets may include kernel modules (split BTF; the result is one standalone
 * BTF holding the kept types of vmlinux and of the modules); relocations that fail against the
 * target are reported, not fatal, and keep what reproduces the failure; several same-named target
 * types are handled so that the relocation decisions stay libbpf's. The output is written in the
 * target's byte order unless told otherwise (bpftool writes the host's).
 */
public final class Btfgen {
  private Btfgen() {}

  /** Minimizes {@code targets} for {@code objects}, in the byte order of the target's BTF. */
  public static MinimizedBtf minimize(Targets targets, List<ObjectBtf> objects) {
    return minimize(targets, objects, targets.vmlinux().btf().byteOrder());
  }

  /**
   * Minimizes {@code targets} for {@code objects}, writing BTF in {@code order}.
   *
   * @throws IllegalArgumentException when a target module is not split BTF on the targets' vmlinux
   */
  public static MinimizedBtf minimize(Targets targets, List<ObjectBtf> objects, ByteOrder order) {
    TypeMarker marker = new TypeMarker(targets);
    List<RelocationFailure> failures = new ArrayList<>();
    int relocations = 0;
    for (ObjectBtf object : objects) {
      List<RelocationResult> results = new ArrayList<>();
      for (Relocator.SectionResults s :
          new Relocator(object.types(), targets).relocateAll(object.relocations())) {
        for (int i = 0; i < s.results().size(); i++) {
          RelocationResult r = s.results().get(i);
          results.add(r);
          if (r.failure().isPresent()) {
            failures.add(
                new RelocationFailure(
                    object.name(),
                    s.section(),
                    i,
                    r.kind(),
                    String.valueOf(r.failure().get().getMessage())));
          }
        }
      }
      relocations += results.size();
      for (CandidateSelection.Selected sel : CandidateSelection.select(results)) {
        mark(marker, sel.kind(), sel.candidate());
      }
    }
    return MinimalBtfBuilder.build(targets, marker, order, relocations, failures);
  }

  private static void mark(TypeMarker marker, RelocationKind kind, CandidateAttempt c) {
    switch (kind.family()) {
      case FIELD:
        marker.markFieldPath(c.source(), c.spec());
        break;
      case TYPE:
        if (kind == RelocationKind.TYPE_MATCHES) {
          marker.markTypeMatch(c.source(), c.typeId());
        } else if (kind != RelocationKind.TYPE_ID_LOCAL) {
          marker.markType(c.source(), c.typeId(), TypeMarker.Walk.FOLLOW_POINTERS);
        }
        break;
      case ENUMVAL:
        marker.markType(c.source(), c.typeId(), TypeMarker.Walk.SHALLOW);
        break;
      case NONE:
        break;
    }
  }
}
