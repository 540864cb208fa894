package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.Program;
import io.github.core4j.runtime.link.Link;
import io.github.core4j.runtime.link.XdpAttach;
import io.github.core4j.runtime.link.XdpMode;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapMemory;
import io.github.core4j.runtime.prog.BpfProgram;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded object: its maps, programs and the links attached through it. Closing it detaches the
 * links and closes every program and map fd it owns, exactly once.
 */
public final class LoadedObject implements AutoCloseable {
  private final BpfObject object;
  private final Map<String, BpfMap> maps = new LinkedHashMap<>();
  private final Map<String, BpfMap> byLibbpfName;
  private final Map<String, BpfProgram> programs;
  private final Map<String, MapMemory> memory = new HashMap<>();
  private final Closer closer;
  private final StructOpsMaps structOps;
  private final Map<String, byte[]> instructions;

  LoadedObject(
      BpfObject object,
      Map<String, BpfMap> byLibbpfName,
      Map<String, BpfProgram> programs,
      Map<String, byte[]> instructions,
      StructOpsMaps structOps,
      Closer closer) {
    this.object = object;
    this.structOps = structOps;
    this.instructions = Map.copyOf(instructions);
    this.byLibbpfName = Collections.unmodifiableMap(new LinkedHashMap<>(byLibbpfName));
    this.programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    this.closer = closer;
    for (MapDefinition def : object.maps()) {
      BpfMap m = byLibbpfName.get(def.name());
      if (m != null) {
        maps.put(def.isInternal() ? def.sectionName() : def.name(), m);
      }
    }
  }

  /** The parsed object this was loaded from. */
  public BpfObject object() {
    return object;
  }

  /**
   * A map by its C name ({@code events}) or, for global data, its section ({@code .rodata}); the
   * libbpf name of an internal map ({@code xdp_filt.rodata}) works too.
   */
  public BpfMap map(String name) {
    open();
    BpfMap m = maps.get(name);
    if (m == null) {
      m = byLibbpfName.get(name);
    }
    if (m == null) {
      throw new IllegalArgumentException(
          object.source() + ": no map '" + name + "' (there are: " + maps.keySet() + ")");
    }
    return m;
  }

  /**
   * The instructions program {@code name} was loaded with (host order): its code with the
   * subprograms it uses appended, relocated and fixed up, as libbpf's {@code bpf_program__insns}
   * gives them after load.
   */
  public byte[] instructions(String name) {
    program(name);
    return java.util.Objects.requireNonNull(instructions.get(name), name).clone();
  }

  /** libbpf's name of a map by its fd ({@code xdp_filt.rodata} for internal maps), or null. */
  @org.jspecify.annotations.Nullable
  String libbpfMapName(int fd) {
    for (Map.Entry<String, BpfMap> e : byLibbpfName.entrySet()) {
      if (e.getValue().fd().value() == fd) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Every map, by the names {@link #map} accepts, in the object's order. */
  public Map<String, BpfMap> maps() {
    return Collections.unmodifiableMap(maps);
  }

  /** A loaded program by its C function name. */
  public BpfProgram program(String name) {
    open();
    BpfProgram p = programs.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          object.source()
              + ": no loaded program '"
              + name
              + "' (loaded: "
              + programs.keySet()
              + ")");
    }
    return p;
  }

  /** Every loaded program by C function name, in the object's order. */
  public Map<String, BpfProgram> programs() {
    return programs;
  }

  /**
   * The live memory of a global data section's map (mmap): reads see what programs wrote, writes
   * are seen by programs. {@code .rodata} sections are frozen and mapped read-only.
   */
  public MemorySegment globalData(String section) {
    open();
    MapMemory mem = memory.get(section);
    if (mem == null) {
      DataSection ds =
          object
              .dataSection(section)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          object.source()
                              + ": no global data section '"
                              + section
                              + "' (there are: "
                              + object.dataSections().stream().map(DataSection::name).toList()
                              + ")"));
      BpfMap map = map(ds.mapName());
      boolean readOnly = ds.kind() == MapKind.RODATA || ds.kind() == MapKind.KCONFIG;
      mem = closer.add(readOnly ? map.mmapReadOnly() : map.mmap());
      memory.put(section, mem);
    }
    return mem.segment().asSlice(0, object.dataSection(section).orElseThrow().size());
  }

  /**
   * Attaches program {@code name} as its section says (kprobe/, kretprobe/, tracepoint/, raw_tp/,
   * tp_btf/, fentry/, fexit/, ...); the link is owned by this object. Throws for sections that need
   * a target the section does not name (XDP, tc, cgroup).
   */
  public Link attach(String name) {
    BpfProgram prog = program(name);
    Program p = object.program(name).orElseThrow();
    return closer.add(SectionAttach.attach(p, prog));
  }

  /** Attaches every program whose section names its target, as a libbpf skeleton's attach does. */
  public List<Link> attachAll() {
    List<Link> links = new ArrayList<>();
    for (String name : programs.keySet()) {
      Program p = object.program(name).orElseThrow();
      if (SectionAttach.canAttach(p)) {
        links.add(attach(name));
      }
    }
    return links;
  }

  /**
   * Attaches XDP program {@code name} to interface {@code ifindex}; the link is owned by this
   * object.
   */
  public Link attachXdp(String name, int ifindex, XdpMode mode) {
    return closer.add(XdpAttach.attach(program(name), ifindex, mode));
  }

  /**
   * Registers {@code struct_ops} map {@code name} with the kernel: its value, with the fds of the
   * programs assigned to its function pointers, is written to the map. The registration is owned by
   * this object (and can be closed earlier).
   */
  public StructOpsRegistration attachStructOps(String name) {
    BpfMap map = map(name);
    StructOpsMaps.Plan plan = structOps.plans.get(name);
    if (plan == null) {
      throw new IllegalArgumentException(
          object.source() + ": map '" + name + "' is not struct_ops");
    }
    if ((plan.def().flags() & MapDefinition.F_LINK) != 0) {
      throw new UnsupportedOperationException(
          object.source()
              + ": map '"
              + name
              + "' is a .struct_ops.link map: attaching through a link is not supported yet");
    }
    Map<String, Integer> fds = new HashMap<>();
    programs.forEach((prog, p) -> fds.put(prog, p.fd().value()));
    map.update(new byte[4], plan.valueWith(fds));
    return closer.add(new StructOpsRegistration(map));
  }

  private void open() {
    if (closer.isClosed()) {
      throw new IllegalStateException(object.source() + ": the loaded object is closed");
    }
  }

  @Override
  public void close() {
    closer.close();
  }
}
