package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What relocations are resolved against: the kernel's BTF, optionally the split BTFs of kernel
 * modules, and the byte order of the machine the programs will run on.
 *
 * <p>Candidates are searched as libbpf's {@code bpf_core_find_cands} does: in vmlinux first; only
 * when vmlinux has none for a local type are the modules searched (each module's own types, in the
 * order given). libbpf itself never searches modules when it was given a target BTF file ({@code
 * btf_custom_path}); pass no modules to reproduce that.
 *
 * @param vmlinux the kernel's BTF
 * @param modules module BTFs (split BTF on top of {@code vmlinux}), searched in this order
 * @param byteOrder the target machine's byte order, which decides {@code lshift_u64} for bitfields
 *     (libbpf uses the byte order it was compiled for, i.e. the machine it runs on)
 */
public record Targets(TargetBtf vmlinux, List<TargetBtf> modules, ByteOrder byteOrder) {
  /** Copies the module list so the record stays immutable. */
  public Targets {
    modules = List.copyOf(modules);
    for (TargetBtf m : modules) {
      if (m.btf().base().isEmpty()) {
        throw new IllegalArgumentException(
            "module BTF " + m.name() + " (" + m.btf().source() + ") is not split BTF");
      }
    }
  }

  /** Kernel BTF only; bitfield shifts for the BTF's own byte order. */
  public static Targets of(Btf vmlinux) {
    return of(TargetBtf.of("vmlinux", vmlinux));
  }

  /** Kernel BTF only; bitfield shifts for the BTF's own byte order. */
  public static Targets of(TargetBtf vmlinux) {
    return new Targets(vmlinux, List.of(), vmlinux.btf().byteOrder());
  }

  /** The same targets with {@code module} searched after the ones already listed. */
  public Targets withModule(TargetBtf module) {
    List<TargetBtf> all = new ArrayList<>(modules);
    all.add(module);
    return new Targets(vmlinux, all, byteOrder);
  }

  /** The same targets for a machine of byte order {@code order}. */
  public Targets withByteOrder(ByteOrder order) {
    return new Targets(vmlinux, modules, order);
  }
}
