package io.github.core4j.elf.object;

import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.btf.ext.FuncInfo;
import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.bpf.BpfInsn;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hands each {@code .BTF.ext} record to the program whose instructions it describes, with its
 * instruction offset made relative to the program: what libbpf does per program when it loads
 * ({@code adjust_prog_btf_ext_info}, {@code bpf_object__relocate_core}). A record's section is the
 * first ELF section of its name; records in no program (code of an overridden weak function) are
 * dropped, as libbpf drops them.
 */
final class BtfExtCollector {
  private BtfExtCollector() {}

  static void collect(ObjectReader r, List<ProgramBuilder> code) {
    BtfExt ext = r.btfExt;
    if (ext == null) {
      return;
    }
    for (BtfExtSection<FuncInfo> s : ext.funcInfo().sections()) {
      int index = r.sectionIndex(s.name());
      for (FuncInfo f : s.records()) {
        ProgramBuilder p = owner(code, index, f.insnOff());
        if (p != null) {
          p.funcInfo.add(new FuncInfo(f.insnOff() - start(p), f.typeId()));
        }
      }
    }
    for (BtfExtSection<LineInfo> s : ext.lineInfo().sections()) {
      int index = r.sectionIndex(s.name());
      for (LineInfo l : s.records()) {
        ProgramBuilder p = owner(code, index, l.insnOff());
        if (p != null) {
          p.lineInfo.add(
              new LineInfo(
                  l.insnOff() - start(p), l.fileName(), l.lineText(), l.line(), l.column()));
        }
      }
    }
    for (BtfExtSection<CoreRelo> s : ext.coreRelos().sections()) {
      int index = r.sectionIndex(s.name());
      List<CoreRelo> records = s.records();
      for (int i = 0; i < records.size(); i++) {
        CoreRelo c = records.get(i);
        if (c.insnOff() % BpfInsn.SIZE != 0) {
          throw new BpfObjectException(
              r.source,
              -1,
              ".BTF.ext CO-RE relocation #"
                  + i
                  + " of section '"
                  + s.name()
                  + "' has insn_off "
                  + Integer.toUnsignedString(c.insnOff())
                  + ", not on an instruction boundary");
        }
        ProgramBuilder p = owner(code, index, c.insnOff());
        if (p != null) {
          int sectionInsn = c.insnOff() / BpfInsn.SIZE;
          p.coreRelos.add(
              new ProgramCoreRelo(i, sectionInsn - p.sectionInsnOffset, sectionInsn, c));
        }
      }
    }
  }

  private static @Nullable ProgramBuilder owner(
      List<ProgramBuilder> code, int section, int insnOff) {
    if (section < 0 || insnOff < 0) {
      return null;
    }
    return ProgramCollector.find(code, section, insnOff / BpfInsn.SIZE);
  }

  private static int start(ProgramBuilder p) {
    return p.sectionInsnOffset * BpfInsn.SIZE;
  }
}
