package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.elf.ElfRelocation;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.SymbolBinding;
import io.github.core4j.elf.SymbolType;
import io.github.core4j.elf.bpf.BpfInsn;
import io.github.core4j.elf.bpf.PseudoSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's {@code bpf_object__collect_relos}: resolves the relocations of program sections ({@code
 * bpf_program__record_reloc}), of {@code .maps} (statically initialised map-in-map and {@code
 * prog_array} slots) and of {@code struct_ops} sections (function pointers set to programs), and
 * finds the BPF-to-BPF calls that need no relocation (within {@code .text}).
 */
final class RelocationCollector {
  private static final int SHN_LORESERVE = 0xff00;

  private final ObjectReader r;
  private final List<ProgramBuilder> code;
  private final MapCollector maps;
  private final List<Extern> externs;

  private RelocationCollector(
      ObjectReader r, List<ProgramBuilder> code, MapCollector maps, List<Extern> externs) {
    this.r = r;
    this.code = code;
    this.maps = maps;
    this.externs = externs;
  }

  static void collect(
      ObjectReader r, List<ProgramBuilder> code, MapCollector maps, List<Extern> externs) {
    RelocationCollector c = new RelocationCollector(r, code, maps, externs);
    for (ElfSection s : r.elf.sections()) {
      if (r.kinds[s.index()] != ObjectReader.Kind.RELO) {
        continue;
      }
      int target = s.info();
      if (r.kinds[target] == ObjectReader.Kind.STRUCT_OPS) {
        c.structOps(s);
      } else if (target == r.mapsIndex) {
        c.mapSlots(s);
      } else {
        c.program(s);
      }
    }
    c.directCalls();
  }

  // ---- program sections ----

  private void program(ElfSection rel) {
    ElfSection target = r.elf.section(rel.info());
    List<ElfRelocation> entries = r.elf.relocations(rel);
    for (int i = 0; i < entries.size(); i++) {
      ElfRelocation e = entries.get(i);
      ElfSymbol sym = e.symbol();
      long at = rel.offset() + (long) i * ElfRelocation.REL_SIZE;
      if (Integer.toUnsignedLong(sym.sectionIndex()) >= r.kinds.length) {
        throw error(
            rel,
            at,
            "relocation "
                + i
                + " uses symbol "
                + sym.index()
                + " '"
                + sym.name()
                + "' of section "
                + Integer.toUnsignedString(sym.sectionIndex())
                + ", which does not exist");
      }
      if (e.offset() % BpfInsn.SIZE != 0) {
        throw error(
            rel,
            at,
            "relocation " + i + " has offset " + e.offset() + ", not on an instruction boundary");
      }
      long insnIndex = e.offset() / BpfInsn.SIZE;
      ProgramBuilder prog = ProgramCollector.find(code, target.index(), insnIndex);
      if (prog == null) {
        continue; // code of no function (an overridden weak function): libbpf skips it
      }
      int local = (int) (insnIndex - prog.sectionInsnOffset);
      RelocationTarget resolved = resolve(rel, at, prog, local, sym);
      prog.relocations.add(new ProgramRelocation(local, e, resolved));
      if (resolved instanceof SubprogramReference sub) {
        // libbpf marks every LD_IMM64 of a .text address as BPF_PSEUDO_FUNC before it appends
        // subprograms, so callback addresses pull their functions in like calls do
        prog.calls.add(new SubprogramCall(local, sub.subprogram(), sub.targetInsn(), !sub.call()));
      }
    }
  }

  /** libbpf's {@code bpf_program__record_reloc}. */
  private RelocationTarget resolve(
      ElfSection rel, long at, ProgramBuilder prog, int local, ElfSymbol sym) {
    BpfInsn insn = prog.insns.get(local);
    String where = "program '" + prog.name + "' insn " + local;
    if (!insn.isCall() && !insn.isLdImm64()) {
      throw error(
          rel,
          at,
          where
              + " (opcode 0x"
              + Integer.toHexString(insn.opcode())
              + ") is relocated against '"
              + sym.name()
              + "'; only calls and 64-bit immediate loads can be");
    }
    if (ExternCollector.isExtern(sym)) {
      for (Extern ext : externs) {
        if (ext.symbolIndex() == sym.index()) {
          return new ExternReference(ext, insn.isCall());
        }
      }
      throw error(rel, at, where + " uses extern '" + sym.name() + "', which has no BTF");
    }
    int shndx = sym.sectionIndex();
    if (insn.isCall()) {
      if (insn.src() != PseudoSource.CALL) {
        throw error(
            rel,
            at,
            where + " is a helper call (src 0) but relocated against '" + sym.name() + "'");
      }
      if (shndx == 0 || shndx != r.textIndex) {
        throw error(
            rel,
            at,
            where
                + " calls '"
                + sym.name()
                + "' in "
                + sectionName(shndx)
                + "; BPF-to-BPF calls must go to .text");
      }
      if (sym.value() % BpfInsn.SIZE != 0) {
        throw error(rel, at, where + " calls '" + sym.name() + "' at a misaligned offset");
      }
      long targetInsn = sym.value() / BpfInsn.SIZE + insn.imm() + 1;
      return new SubprogramReference(
          subprogram(rel, at, where, targetInsn), (int) targetInsn, true);
    }
    if (shndx == 0 || shndx >= SHN_LORESERVE) {
      throw error(
          rel,
          at,
          where
              + " refers to '"
              + sym.name()
              + "' in special section 0x"
              + Integer.toHexString(shndx)
              + " (an uninitialised global variable?)");
    }
    if (isSubprogramSymbol(sym)) {
      if (sym.value() % BpfInsn.SIZE != 0 || insn.imm() % BpfInsn.SIZE != 0) {
        throw error(rel, at, where + " takes the address of '" + sym.name() + "' misaligned");
      }
      long targetInsn = (sym.value() + insn.imm()) / BpfInsn.SIZE;
      return new SubprogramReference(
          subprogram(rel, at, where, targetInsn), (int) targetInsn, false);
    }
    MapKind dataKind = dataKind(shndx);
    if (dataKind == null) {
      if (shndx != r.mapsIndex) {
        throw error(
            rel,
            at,
            where
                + " refers to '"
                + sym.name()
                + "' in "
                + sectionName(shndx)
                + ", which is neither .maps nor a global data section");
      }
      for (MapCollector.Builder m : maps.maps) {
        if (m.kind == MapKind.BTF_DEFINED
            && m.sectionIndex == shndx
            && m.sectionOffset == sym.value()) {
          return new MapReference(m.name);
        }
      }
      throw error(
          rel, at, where + " refers to .maps offset " + sym.value() + ", where no map is defined");
    }
    for (MapCollector.Builder m : maps.maps) {
      if (m.kind == dataKind && m.sectionIndex == shndx) {
        long offset = sym.value() + insn.imm();
        String variable = null;
        for (DataSection d : maps.dataSections()) {
          if (d.sectionIndex() == shndx) {
            variable = d.variableAt(offset).map(GlobalVariable::name).orElse(null);
          }
        }
        return new DataReference(r.elf.section(shndx).name(), m.name, offset, variable);
      }
    }
    throw error(
        rel, at, where + " refers to " + sectionName(shndx) + ", which holds no global data map");
  }

  /** libbpf's {@code sym_is_subprog}: a {@code .text} section symbol or global function. */
  private boolean isSubprogramSymbol(ElfSymbol sym) {
    if (sym.sectionIndex() != r.textIndex) {
      return false;
    }
    SymbolBinding b = sym.binding();
    if (b == SymbolBinding.LOCAL && sym.type() == SymbolType.SECTION) {
      return true;
    }
    return (b == SymbolBinding.GLOBAL || b == SymbolBinding.WEAK) && sym.type() == SymbolType.FUNC;
  }

  private @Nullable MapKind dataKind(int shndx) {
    switch (r.kinds[shndx]) {
      case DATA:
        return MapKind.DATA;
      case RODATA:
        return MapKind.RODATA;
      case BSS:
        return MapKind.BSS;
      default:
        return null;
    }
  }

  private String subprogram(ElfSection rel, long at, String where, long targetInsn) {
    ProgramBuilder sub = ProgramCollector.find(code, r.textIndex, targetInsn);
    if (sub == null) {
      throw error(
          rel,
          at,
          where + " refers to .text instruction " + targetInsn + ", which is in no function");
    }
    return sub.name;
  }

  /** Calls inside {@code .text} between static functions carry no relocation. */
  private void directCalls() {
    for (ProgramBuilder p : code) {
      if (!p.subprogram) {
        continue;
      }
      Set<Integer> relocated = new HashSet<>();
      for (ProgramRelocation rel : p.relocations) {
        relocated.add(rel.insnIndex());
      }
      for (int i = 0; i < p.insns.size(); i++) {
        BpfInsn insn = p.insns.get(i);
        if (!isSubprogramCall(insn) || relocated.contains(i)) {
          continue;
        }
        long target = (long) p.sectionInsnOffset + i + insn.imm() + 1;
        ProgramBuilder sub = ProgramCollector.find(code, r.textIndex, target);
        if (sub != null) {
          p.calls.add(new SubprogramCall(i, sub.name, (int) target, false));
        }
      }
    }
  }

  /** libbpf's {@code insn_is_subprog_call}. */
  private static boolean isSubprogramCall(BpfInsn insn) {
    return insn.opcode() == 0x85
        && insn.src() == PseudoSource.CALL
        && insn.dst() == 0
        && insn.off() == 0;
  }

  // ---- .maps: initial slots ----

  private void mapSlots(ElfSection rel) {
    Btf btf = r.requireBtf("relocations of .maps");
    List<ElfRelocation> entries = r.elf.relocations(rel);
    for (int i = 0; i < entries.size(); i++) {
      ElfRelocation e = entries.get(i);
      ElfSymbol sym = e.symbol();
      long at = rel.offset() + (long) i * ElfRelocation.REL_SIZE;
      String what = ".maps relocation " + i + " ('" + sym.name() + "')";
      MapCollector.Builder map = null;
      for (MapCollector.Builder m : maps.maps) {
        if (m.kind == MapKind.BTF_DEFINED
            && m.sectionOffset <= e.offset()
            && e.offset() + 8 <= m.sectionOffset + m.varSize) {
          map = m;
          break;
        }
      }
      if (map == null) {
        throw error(rel, at, what + " at offset " + e.offset() + " lies in no map definition");
      }
      boolean mapInMap = map.type == MapType.ARRAY_OF_MAPS || map.type == MapType.HASH_OF_MAPS;
      String target;
      if (mapInMap) {
        if (sym.sectionIndex() != r.mapsIndex) {
          throw error(rel, at, what + " in map '" + map.name + "' is not a BTF-defined map");
        }
        if (map.type == MapType.HASH_OF_MAPS && map.keySize != 4) {
          throw error(rel, at, "hash-of-maps '" + map.name + "' must have 4-byte keys");
        }
        MapCollector.Builder inner = maps.byName(sym.name());
        if (inner == null) {
          throw error(rel, at, what + " in map '" + map.name + "' names no map");
        }
        target = inner.name;
      } else if (map.type == MapType.PROG_ARRAY) {
        ProgramBuilder prog = null;
        for (ProgramBuilder p : code) {
          if (!p.subprogram && p.name.equals(sym.name())) {
            prog = p;
            break;
          }
        }
        if (prog == null
            || prog.sectionIndex != sym.sectionIndex()
            || (long) prog.sectionInsnOffset * BpfInsn.SIZE != sym.value()) {
          throw error(rel, at, what + " in prog_array '" + map.name + "' names no entry program");
        }
        target = prog.name;
      } else {
        throw error(
            rel,
            at,
            what
                + " initialises map '"
                + map.name
                + "', which is neither map-in-map nor prog_array");
      }
      BtfType var = btf.type(map.varId);
      int defId = var instanceof BtfVar v ? BtfTypes.skipModsAndTypedefs(btf, v.type()) : 0;
      BtfType def = btf.type(defId);
      if (!(def instanceof BtfComposite c)
          || c.members().isEmpty()
          || !c.members().get(c.members().size() - 1).name().equals("values")) {
        throw error(rel, at, what + ": map '" + map.name + "' has no trailing 'values' member");
      }
      long valuesOffset = c.members().get(c.members().size() - 1).bitOffset() / 8;
      long slotOffset = e.offset() - map.sectionOffset - valuesOffset;
      if (slotOffset < 0 || slotOffset % 8 != 0) {
        throw error(rel, at, what + " is not on a slot of map '" + map.name + "'");
      }
      map.slots.put((int) (slotOffset / 8), target);
    }
  }

  // ---- struct_ops: function pointers ----

  private void structOps(ElfSection rel) {
    Btf btf = r.requireBtf("relocations of struct_ops");
    List<ElfRelocation> entries = r.elf.relocations(rel);
    for (int i = 0; i < entries.size(); i++) {
      ElfRelocation e = entries.get(i);
      ElfSymbol sym = e.symbol();
      long at = rel.offset() + (long) i * ElfRelocation.REL_SIZE;
      String what = "struct_ops relocation " + i + " ('" + sym.name() + "')";
      MapCollector.Builder map = null;
      for (MapCollector.Builder m : maps.maps) {
        if (m.kind == MapKind.STRUCT_OPS
            && m.sectionIndex == rel.info()
            && m.sectionOffset <= e.offset()
            && e.offset() - m.sectionOffset < Integer.toUnsignedLong(m.valueSize)) {
          map = m;
          break;
        }
      }
      if (map == null) {
        throw error(rel, at, what + " at offset " + e.offset() + " lies in no struct_ops map");
      }
      long memberOffset = e.offset() - map.sectionOffset;
      int shndx = sym.sectionIndex();
      if (shndx == 0 || shndx >= r.kinds.length) {
        throw error(rel, at, what + " refers to no function of this object");
      }
      if (sym.value() % BpfInsn.SIZE != 0) {
        throw error(rel, at, what + " points to a misaligned program offset " + sym.value());
      }
      BtfType type = btf.type(map.valueTypeId);
      if (!(type instanceof BtfStruct struct)) {
        throw error(rel, at, what + ": map '" + map.name + "' has no struct type");
      }
      int memberIndex = -1;
      for (int m = 0; m < struct.members().size(); m++) {
        if (struct.members().get(m).bitOffset() == memberOffset * 8) {
          memberIndex = m;
          break;
        }
      }
      if (memberIndex < 0) {
        throw error(
            rel,
            at,
            what + ": struct " + struct.name() + " has no member at offset " + memberOffset);
      }
      BtfMember member = struct.members().get(memberIndex);
      if (!BtfTypes.isFuncPointer(btf, member.type())) {
        throw error(rel, at, what + ": member '" + member.name() + "' is not a function pointer");
      }
      ProgramBuilder prog = ProgramCollector.find(code, shndx, sym.value() / BpfInsn.SIZE);
      if (prog == null) {
        throw error(rel, at, what + " points to no program");
      }
      if (prog.type() != ProgramType.STRUCT_OPS) {
        throw error(
            rel,
            at,
            what
                + ": program '"
                + prog.name
                + "' is "
                + prog.type().libbpfName()
                + ", not struct_ops");
      }
      map.structPrograms.put(
          memberIndex, new StructOpsProgram(memberIndex, member.name(), prog.name));
    }
  }

  private String sectionName(int index) {
    if (index <= 0 || index >= r.kinds.length) {
      return "section " + Integer.toUnsignedString(index);
    }
    return r.elf.section(index).describe();
  }

  private BpfObjectException error(ElfSection rel, long offset, String problem) {
    return new BpfObjectException(r.source, rel.describe(), offset, problem);
  }
}
