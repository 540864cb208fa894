package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfMachine;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.ElfSymbolTable;
import io.github.core4j.elf.ElfType;
import io.github.core4j.elf.SectionType;
import io.github.core4j.elf.SymbolBinding;
import io.github.core4j.elf.SymbolType;
import io.github.core4j.elf.SymbolVisibility;
import io.github.core4j.elf.bpf.BpfCode;
import io.github.core4j.elf.bpf.BpfInsn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a BPF object in the steps of libbpf's {@code bpf_object_open}: sort the ELF sections
 * ({@code bpf_object__elf_collect}), collect programs, BTF, externs, fix up {@code DATASEC}s, build
 * the maps, resolve relocations, hand out {@code .BTF.ext} records. Each step lives in its own
 * class; this one keeps the section classification they share.
 */
final class ObjectReader {
  /** What libbpf makes of a section ({@code enum sec_type} plus the special sections). */
  enum Kind {
    NONE,
    PROGRAMS,
    DATA,
    RODATA,
    BSS,
    STRUCT_OPS,
    RELO
  }

  static final String MAPS_SECTION = ".maps";
  static final String KCONFIG_SECTION = ".kconfig";
  static final String KSYMS_SECTION = ".ksyms";

  final ElfFile elf;
  final String source;
  final String objectName;
  final ElfSymbolTable symbols;
  final Kind[] kinds;
  int textIndex = -1;
  int mapsIndex = -1;
  String license = "";
  @Nullable Integer kernelVersion;
  @Nullable ElfSection btfSection;
  @Nullable ElfSection btfExtSection;
  @Nullable Btf btf;
  @Nullable BtfExt btfExt;

  private ObjectReader(ElfFile elf, String objectName, ElfSymbolTable symbols) {
    this.elf = elf;
    this.source = elf.source();
    this.objectName = objectName;
    this.symbols = symbols;
    this.kinds = new Kind[elf.sections().size()];
    java.util.Arrays.fill(kinds, Kind.NONE);
  }

  static BpfObject read(ElfFile elf, String objectName) {
    checkHeader(elf);
    ObjectReader r = new ObjectReader(elf, objectName, symbolTable(elf));
    r.classifySections();
    List<ProgramBuilder> code = ProgramCollector.collect(r);
    r.readBtf();
    List<Extern> externs = ExternCollector.collect(r);
    Datasecs datasecs = Datasecs.fixUp(r, externs);
    MapCollector maps = MapCollector.collect(r, datasecs, externs);
    RelocationCollector.collect(r, code, maps, externs);
    BtfExtCollector.collect(r, code);
    List<Program> programs = new ArrayList<>();
    List<Program> subprograms = new ArrayList<>();
    for (ProgramBuilder b : code) {
      (b.subprogram ? subprograms : programs).add(b.build());
    }
    return new BpfObject(
        elf,
        objectName,
        r.license,
        r.kernelVersion,
        r.btf,
        r.btfExt,
        programs,
        subprograms,
        maps.definitions(),
        maps.dataSections(),
        externs);
  }

  private static void checkHeader(ElfFile elf) {
    if (elf.header().elfType() != ElfType.REL) {
      throw new BpfObjectException(
          elf.source(),
          16,
          "e_type is " + elf.header().elfType() + ", a BPF object is a relocatable file (ET_REL)");
    }
    ElfMachine machine = elf.header().elfMachine();
    if (machine != ElfMachine.BPF && machine != ElfMachine.NONE) {
      throw new BpfObjectException(
          elf.source(), 18, "e_machine is " + machine + ", a BPF object has EM_BPF (247)");
    }
  }

  private static ElfSymbolTable symbolTable(ElfFile elf) {
    ElfSection found = null;
    for (ElfSection s : elf.sections()) {
      if (s.type() == SectionType.SYMTAB.value()) {
        if (found != null) {
          throw new BpfObjectException(
              elf.source(),
              s.describe(),
              -1,
              "is a second symbol table (the first is " + found.describe() + ")");
        }
        found = s;
      }
    }
    if (found == null) {
      throw new BpfObjectException(
          elf.source(), -1, "has no symbol table (SHT_SYMTAB): a stripped object?");
    }
    if (found.entsize() != ElfSymbol.ENTRY_SIZE) {
      throw new BpfObjectException(
          elf.source(),
          found.describe(),
          -1,
          "has sh_entsize " + found.entsize() + ", expected " + ElfSymbol.ENTRY_SIZE);
    }
    return elf.symbolTable(found);
  }

  /** libbpf's {@code bpf_object__elf_collect}: what each section is. */
  private void classifySections() {
    for (ElfSection s : elf.sections()) {
      if (s.index() == 0 || ignored(s)) {
        continue;
      }
      String name = s.name();
      boolean progbits = s.type() == SectionType.PROGBITS.value();
      if (name.equals("license")) {
        license = license(s);
      } else if (name.equals("version")) {
        kernelVersion = kernelVersion(s);
      } else if (name.equals("maps")) {
        throw new BpfObjectException(
            source,
            s.describe(),
            s.offset(),
            "holds legacy map definitions, which libbpf 1.0+ no longer supports; define maps in"
                + " SEC(\".maps\")");
      } else if (name.equals(MAPS_SECTION)) {
        mapsIndex = s.index();
      } else if (name.equals(".BTF") || name.equals(".BTF.ext")) {
        if (!progbits) {
          throw new BpfObjectException(
              source, s.describe(), -1, "is " + s.sectionType() + ", expected SHT_PROGBITS");
        }
        if (name.equals(".BTF")) {
          btfSection = s;
        } else {
          btfExtSection = s;
        }
      } else if (s.type() == SectionType.SYMTAB.value()) {
        // read already
      } else if (progbits && s.size() > 0) {
        if (s.isExecutable()) {
          if (name.equals(".text")) {
            textIndex = s.index();
          }
          kinds[s.index()] = Kind.PROGRAMS;
        } else if (name.equals(".data") || name.startsWith(".data.")) {
          kinds[s.index()] = Kind.DATA;
        } else if (name.equals(".rodata") || name.startsWith(".rodata.")) {
          kinds[s.index()] = Kind.RODATA;
        } else if (isStructOpsSection(name)) {
          kinds[s.index()] = Kind.STRUCT_OPS;
        }
      } else if (s.type() == SectionType.REL.value()) {
        if (s.entsize() != 16 || s.info() < 0 || s.info() >= kinds.length) {
          throw new BpfObjectException(
              source,
              s.describe(),
              -1,
              "is a relocation section with sh_entsize "
                  + s.entsize()
                  + " and sh_info "
                  + s.info()
                  + "; expected 16 and a section index below "
                  + kinds.length);
        }
        String target = name.substring(Math.min(4, name.length()));
        if (elf.section(s.info()).isExecutable()
            || isStructOpsSection(target)
            || target.equals(MAPS_SECTION)) {
          kinds[s.index()] = Kind.RELO;
        }
      } else if (s.type() == SectionType.NOBITS.value()
          && (name.equals(".bss") || name.startsWith(".bss."))) {
        kinds[s.index()] = Kind.BSS;
      }
    }
  }

  /** libbpf's {@code ignore_elf_section}. */
  private static boolean ignored(ElfSection s) {
    String name = s.name();
    if (s.type() == SectionType.STRTAB.value() || s.type() == SectionType.LLVM_ADDRSIG.value()) {
      return true;
    }
    if (s.type() == SectionType.PROGBITS.value() && s.size() == 0 && name.equals(".text")) {
      return true;
    }
    if (name.startsWith(".debug_")) {
      return true;
    }
    if (name.startsWith(".rel")) {
      String target = name.substring(4);
      return target.startsWith(".debug_") || target.equals(".BTF") || target.equals(".BTF.ext");
    }
    return false;
  }

  static boolean isStructOpsSection(String name) {
    return name.equals(".struct_ops")
        || name.equals(".struct_ops.link")
        || name.equals("?.struct_ops")
        || name.equals("?.struct_ops.link");
  }

  private String license(ElfSection s) {
    ByteBuffer data = elf.data(s);
    int n = Math.min(data.limit(), 63);
    int end = 0;
    while (end < n && data.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end];
    data.get(0, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private int kernelVersion(ElfSection s) {
    if (s.size() != 4 || !s.hasFileData()) {
      throw new BpfObjectException(
          source,
          s.describe(),
          s.offset(),
          "holds " + s.size() + " bytes, expected a 4-byte version");
    }
    return elf.data(s).getInt(0);
  }

  private void readBtf() {
    ElfSection section = btfSection;
    if (section == null) {
      return;
    }
    Btf parsed = Btf.parse(elf.data(section), source + " (.BTF)");
    parsed.validate();
    btf = parsed;
    ElfSection ext = btfExtSection;
    if (ext != null) {
      btfExt = BtfExt.parse(elf.data(ext), parsed, source + " (.BTF.ext)");
    }
  }

  /** The object's BTF, or an error saying what needs it. */
  Btf requireBtf(String what) {
    Btf b = btf;
    if (b == null) {
      throw new BpfObjectException(source, -1, what + " needs BTF, but the object has no .BTF");
    }
    return b;
  }

  /** The first section named {@code name}, or -1 ({@code elf_sec_by_name}). */
  int sectionIndex(String name) {
    for (ElfSection s : elf.sections()) {
      if (s.index() != 0 && s.name().equals(name)) {
        return s.index();
      }
    }
    return -1;
  }

  /** {@code find_elf_var_sym}: the first global or weak {@code STT_OBJECT} named {@code name}. */
  @Nullable ElfSymbol varSymbol(String name) {
    for (ElfSymbol sym : symbols.symbols()) {
      SymbolBinding b = sym.binding();
      if (sym.type() == SymbolType.OBJECT
          && (b == SymbolBinding.GLOBAL || b == SymbolBinding.WEAK)
          && sym.name().equals(name)) {
        return sym;
      }
    }
    return null;
  }

  static boolean hiddenVisibility(ElfSymbol sym) {
    SymbolVisibility v = sym.visibility();
    return v == SymbolVisibility.HIDDEN || v == SymbolVisibility.INTERNAL;
  }

  /** The instructions of {@code length} bytes at {@code offset} of executable section {@code s}. */
  List<BpfInsn> code(ElfSection s, long offset, long length) {
    ByteBuffer data = elf.data(s);
    return BpfCode.decode(
        data.slice((int) offset, (int) length).order(elf.byteOrder()), elf.byteOrder());
  }

  static final Comparator<ProgramBuilder> PROGRAM_ORDER =
      Comparator.<ProgramBuilder>comparingInt(p -> p.sectionIndex)
          .thenComparingInt(p -> p.sectionInsnOffset);
}
