package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.runtime.link.Link;
import io.github.core4j.runtime.link.XdpMode;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.prog.BpfProgram;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;

/**
 * A loaded object: its maps, programs and the links attached through it. Closing it detaches the
 * links and closes every program and map fd it owns, exactly once.
 */
@SuppressWarnings("DoNotCallSuggester") // API stub until the loader lands
public final class LoadedObject implements AutoCloseable {
  private LoadedObject() {}

  /** The parsed object this was loaded from. */
  public BpfObject object() {
    throw new UnsupportedOperationException("not yet");
  }

  /** A map by its C name ({@code events}) or, for global data, its section ({@code .rodata}). */
  public BpfMap map(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Every map, by the names {@link #map} accepts, in the object's order. */
  public Map<String, BpfMap> maps() {
    throw new UnsupportedOperationException("not yet");
  }

  /** A loaded program by its C function name. */
  public BpfProgram program(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Every loaded program by C function name, in the object's order. */
  public Map<String, BpfProgram> programs() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The live memory of a global data section's map (mmap): reads see what programs wrote, writes
   * are seen by programs. {@code .rodata} sections are frozen and mapped read-only.
   */
  public MemorySegment globalData(String section) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Attaches program {@code name} as its section says (kprobe/, kretprobe/, tracepoint/, raw_tp/,
   * tp_btf/, fentry/, fexit/, ...); the link is owned by this object. Throws for sections that need
   * a target the section does not name (XDP, tc, cgroup).
   */
  public Link attach(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Attaches every program whose section names its target, as a libbpf skeleton's attach does. */
  public List<Link> attachAll() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Attaches XDP program {@code name} to interface {@code ifindex}; the link is owned by this
   * object.
   */
  public Link attachXdp(String name, int ifindex, XdpMode mode) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("not yet");
  }
}
