package io.github.core4j.runtime.feature;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the running kernel and this process can do with BPF, probed as {@code bpftool feature probe}
 * does: each program type by loading {@code r0 = 0; exit}, each map type by creating a minimal map,
 * plus the process's capabilities. Helpers are probed per program type on demand ({@link
 * #helpers(ProgramType)}), since each needs one load per helper.
 *
 * @param kernel the kernel release
 * @param capabilities this process's effective capabilities
 * @param programTypes program types the kernel loads
 * @param mapTypes map types the kernel creates
 */
public record Features(
    KernelRelease kernel,
    Capabilities capabilities,
    Set<ProgramType> programTypes,
    Set<MapType> mapTypes) {

  /** Defensive copies. */
  public Features {
    programTypes = Collections.unmodifiableSet(EnumSet.copyOf(programTypes));
    mapTypes = Collections.unmodifiableSet(EnumSet.copyOf(mapTypes));
  }

  /**
   * Probes the running kernel. Without the capabilities to use {@code bpf()}, every probe fails and
   * the sets are empty; {@link #capabilities()} says why.
   */
  public static Features probe() {
    EnumSet<ProgramType> programs = EnumSet.noneOf(ProgramType.class);
    for (ProgramType t : ProgramType.values()) {
      if (t != ProgramType.UNSPEC && FeatureProbe.programType(t)) {
        programs.add(t);
      }
    }
    EnumSet<MapType> maps = EnumSet.noneOf(MapType.class);
    for (MapType t : MapType.values()) {
      if (t != MapType.UNSPEC && FeatureProbe.mapType(t)) {
        maps.add(t);
      }
    }
    return new Features(KernelRelease.current(), Capabilities.current(), programs, maps);
  }

  /** The helpers programs of {@code type} may call on this kernel (one probe load per helper). */
  public static Set<BpfHelper> helpers(ProgramType type) {
    EnumSet<BpfHelper> out = EnumSet.noneOf(BpfHelper.class);
    for (BpfHelper h : BpfHelper.values()) {
      if (h != BpfHelper.UNSPEC && FeatureProbe.helper(type, h)) {
        out.add(h);
      }
    }
    return out;
  }

  /** Whether programs of {@code type} may call {@code helper} on this kernel. */
  public static boolean supportsHelper(ProgramType type, BpfHelper helper) {
    return FeatureProbe.helper(type, helper);
  }

  /** Whether the kernel loads programs of {@code type}. */
  public boolean supports(ProgramType type) {
    return programTypes.contains(type);
  }

  /** Whether the kernel creates maps of {@code type}. */
  public boolean supports(MapType type) {
    return mapTypes.contains(type);
  }
}
