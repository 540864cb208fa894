package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfFormatException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A BPF object file ({@code *.bpf.o}) as libbpf's {@code bpf_object__open} sees it: programs, maps,
 * global data, externs, license and kernel version, with every ELF relocation of the code resolved
 * and the {@code .BTF.ext} records handed to the programs they describe. Nothing is loaded and
 * nothing is relocated against a kernel; the model is immutable.
 *
 * <p>Objects of either byte order open to the same model: instructions are decoded from the file's
 * byte order, and BTF ids, names, sizes and offsets do not depend on it (initial data bytes of
 * global variables stay in the object's byte order, {@link #byteOrder()}).
 *
 * <p>Where libbpf refuses an object at open (a map definition with an unknown attribute, a
 * relocation against something that is neither map, global data, subprogram nor extern, an extern
 * without BTF...), {@link #open} throws a {@link BpfObjectException}; malformed ELF or BTF gives an
 * {@link ElfFormatException} or {@link io.github.core4j.btf.BtfFormatException}. The messages name
 * the file, the section and offset, and what was expected.
 */
public final class BpfObject {
  private final ElfFile elf;
  private final String name;
  private final String license;
  private final @Nullable Integer kernelVersion;
  private final @Nullable Btf btf;
  private final @Nullable BtfExt btfExt;
  private final List<Program> programs;
  private final List<Program> subprograms;
  private final List<MapDefinition> maps;
  private final List<DataSection> dataSections;
  private final List<Extern> externs;

  BpfObject(
      ElfFile elf,
      String name,
      String license,
      @Nullable Integer kernelVersion,
      @Nullable Btf btf,
      @Nullable BtfExt btfExt,
      List<Program> programs,
      List<Program> subprograms,
      List<MapDefinition> maps,
      List<DataSection> dataSections,
      List<Extern> externs) {
    this.elf = elf;
    this.name = name;
    this.license = license;
    this.kernelVersion = kernelVersion;
    this.btf = btf;
    this.btfExt = btfExt;
    this.programs = List.copyOf(programs);
    this.subprograms = List.copyOf(subprograms);
    this.maps = List.copyOf(maps);
    this.dataSections = List.copyOf(dataSections);
    this.externs = List.copyOf(externs);
  }

  /**
   * Opens the object at {@code path} (memory-mapped, not copied). The object name is derived from
   * the file name as libbpf derives it ({@link InternalMapNames#objectName}).
   */
  public static BpfObject open(Path path) {
    Path file = path.getFileName();
    String fileName = file == null ? path.toString() : file.toString();
    return ObjectReader.read(ElfFile.open(path), InternalMapNames.objectName(fileName));
  }

  /**
   * Opens an object held in memory; {@code name} is its file name, used in messages and to derive
   * the object name as for a file ({@code "xdp_filter.bpf.o"} and {@code "xdp_filter"} both give
   * {@code xdp_filter}).
   */
  public static BpfObject open(byte[] bytes, String name) {
    return ObjectReader.read(ElfFile.parse(bytes, name), InternalMapNames.objectName(name));
  }

  /** The ELF file underneath, for sections the model does not cover. */
  public ElfFile elf() {
    return elf;
  }

  /** Where the bytes came from, as used in error messages. */
  public String source() {
    return elf.source();
  }

  /** libbpf's object name ({@code xdp_filter} for {@code xdp_filter.bpf.o}). */
  public String name() {
    return name;
  }

  /** The byte order of the object (of its instructions and data). */
  public ByteOrder byteOrder() {
    return elf.byteOrder();
  }

  /**
   * The {@code license} section's string (as libbpf keeps it: up to the first NUL, at most 63
   * characters); empty without one.
   */
  public String license() {
    return license;
  }

  /**
   * The {@code version} section's value ({@code LINUX_VERSION_CODE} for old kprobe programs); empty
   * without one, in which case libbpf uses the running kernel's version.
   */
  public OptionalInt kernelVersion() {
    return kernelVersion == null ? OptionalInt.empty() : OptionalInt.of(kernelVersion);
  }

  /** The object's BTF ({@code .BTF}), when it has one. */
  public Optional<Btf> btf() {
    return Optional.ofNullable(btf);
  }

  /** The object's {@code .BTF.ext}, when it has one (and BTF). */
  public Optional<BtfExt> btfExt() {
    return Optional.ofNullable(btfExt);
  }

  /**
   * The entry programs, in libbpf's order (by section index, then offset in the section), as {@code
   * bpf_object__for_each_program} lists them.
   */
  public List<Program> programs() {
    return programs;
  }

  /**
   * The functions of {@code .text}, by offset: code entry programs call (libbpf 1.2+ treats every
   * {@code .text} function so; libbpf 1.1 still made a lone {@code .text} function a program).
   */
  public List<Program> subprograms() {
    return subprograms;
  }

  /**
   * The maps in libbpf's order: BTF-defined maps by offset in {@code .maps}, the internal maps of
   * global data sections by section index, the {@code .kconfig} map, then {@code struct_ops} maps.
   */
  public List<MapDefinition> maps() {
    return maps;
  }

  /** The global data sections (in section order, then {@code .kconfig}), with their variables. */
  public List<DataSection> dataSections() {
    return dataSections;
  }

  /** The {@code .kconfig} and {@code __ksym} externs, in libbpf's order. */
  public List<Extern> externs() {
    return externs;
  }

  /** The entry program named {@code name}. */
  public Optional<Program> program(String name) {
    return byName(programs, name);
  }

  /** The {@code .text} function named {@code name}. */
  public Optional<Program> subprogram(String name) {
    return byName(subprograms, name);
  }

  /** The map named {@code name} (libbpf's name: {@code "xdp_filt.rodata"} for internal maps). */
  public Optional<MapDefinition> map(String name) {
    for (MapDefinition m : maps) {
      if (m.name().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The global data section named {@code name} ({@code ".rodata"}, {@code ".kconfig"}). */
  public Optional<DataSection> dataSection(String name) {
    for (DataSection d : dataSections) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The extern named {@code name}. */
  public Optional<Extern> extern(String name) {
    for (Extern e : externs) {
      if (e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code .text} functions {@code program} needs, in the order libbpf appends them to it at
   * load: depth first, each the first time a call or callback address reaches it.
   */
  public List<Program> subprogramsUsedBy(Program program) {
    List<Program> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    appendUsed(program, out, seen);
    return List.copyOf(out);
  }

  private void appendUsed(Program from, List<Program> out, Set<String> seen) {
    for (SubprogramCall call : from.calls()) {
      if (seen.add(call.subprogram())) {
        Optional<Program> sub = subprogram(call.subprogram());
        if (sub.isPresent()) {
          out.add(sub.get());
          appendUsed(sub.get(), out, seen);
        }
      }
    }
  }

  /**
   * The {@code struct_ops} member {@code program} is assigned to, if a {@code struct_ops} map of
   * the object uses it.
   */
  public Optional<StructOpsProgram> structOpsMember(Program program) {
    for (MapDefinition m : maps) {
      StructOps ops = m.structOps();
      if (ops != null) {
        for (StructOpsProgram p : ops.programs()) {
          if (p.program().equals(program.name())) {
            return Optional.of(p);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Program> byName(List<Program> list, String name) {
    for (Program p : list) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "BpfObject["
        + name
        + ", "
        + programs.size()
        + " programs, "
        + subprograms.size()
        + " subprograms, "
        + maps.size()
        + " maps]";
  }
}
