package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfLinkage;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import io.github.core4j.elf.ElfSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code DATASEC}s of the object's BTF after libbpf's {@code bpf_object_fixup_btf}: clang 16
 * leaves section sizes and global variables' offsets at 0, so sizes come from the ELF sections and
 * offsets from the variables' ELF symbols; global variables with hidden visibility count as static;
 * variables are sorted by offset. The BTF itself is not changed.
 */
final class Datasecs {
  /** A fixed-up {@code DATASEC}. */
  record Fixed(int id, String name, long size, List<GlobalVariable> variables) {}

  private final Map<Integer, Fixed> byId;
  private final @Nullable Btf btf;

  private Datasecs(Map<Integer, Fixed> byId, @Nullable Btf btf) {
    this.byId = byId;
    this.btf = btf;
  }

  static Datasecs fixUp(ObjectReader r, List<Extern> externs) {
    Btf btf = r.btf;
    Map<Integer, Fixed> byId = new HashMap<>();
    if (btf == null) {
      return new Datasecs(byId, null);
    }
    for (int id : ExternCollector.datasecIds(btf)) {
      BtfDatasec d = (BtfDatasec) btf.type(id);
      byId.put(id, fix(r, btf, id, d, externs));
    }
    return new Datasecs(byId, btf);
  }

  private static Fixed fix(ObjectReader r, Btf btf, int id, BtfDatasec d, List<Extern> externs) {
    String name = d.name();
    List<GlobalVariable> vars = new ArrayList<>();
    if (name.equals(ObjectReader.KCONFIG_SECTION)) {
      long size = 0;
      for (Extern e : externs) {
        if (e instanceof KconfigExtern k) {
          vars.add(
              new GlobalVariable(
                  k.name(), k.offset(), k.size(), k.typeId(), k.btfId(), BtfLinkage.GLOBAL));
          size = k.offset() + (long) k.size();
        }
      }
      return new Fixed(id, name, size, vars);
    }
    if (name.equals(ObjectReader.KSYMS_SECTION)) {
      // libbpf gives each ksym a 4-byte slot; nothing of it becomes a map
      int i = 0;
      for (BtfVarSecinfo v : d.vars()) {
        BtfType t = btf.type(v.type());
        int typeId = t instanceof BtfVar var ? var.type() : 0;
        vars.add(new GlobalVariable(t.name(), 4L * i++, 4, typeId, v.type(), BtfLinkage.GLOBAL));
      }
      return new Fixed(id, name, 4L * d.vars().size(), vars);
    }
    long size = Integer.toUnsignedLong(d.size());
    boolean fixOffsets = false;
    if (size == 0) {
      int index = name.isEmpty() ? -1 : r.sectionIndex(name);
      size = index < 0 ? 0 : r.elf.section(index).size();
      if (size == 0) {
        throw new BpfObjectException(
            r.source,
            -1,
            "BTF DATASEC '"
                + name
                + "' ["
                + id
                + "] has size 0 and the object has no non-empty ELF section of that name to take"
                + " the size from");
      }
      fixOffsets = true;
    }
    for (BtfVarSecinfo v : d.vars()) {
      BtfType t = btf.type(v.type());
      if (!(t instanceof BtfVar var)) {
        throw new BpfObjectException(
            r.source,
            -1,
            "BTF DATASEC '"
                + name
                + "' lists "
                + BtfTypes.describe(btf, v.type())
                + "; expected only VARs");
      }
      long offset = Integer.toUnsignedLong(v.offset());
      BtfLinkage linkage = var.linkage();
      if (linkage != BtfLinkage.STATIC && linkage != BtfLinkage.EXTERN) {
        ElfSymbol sym = r.varSymbol(var.name());
        if (sym == null) {
          throw new BpfObjectException(
              r.source,
              -1,
              "BTF DATASEC '"
                  + name
                  + "' lists global variable '"
                  + var.name()
                  + "', which has no global STT_OBJECT symbol");
        }
        if (fixOffsets) {
          offset = sym.value();
        }
        if (ObjectReader.hiddenVisibility(sym)) {
          linkage = BtfLinkage.STATIC;
        }
      }
      vars.add(
          new GlobalVariable(
              var.name(), offset, Integer.toUnsignedLong(v.size()), var.type(), v.type(), linkage));
    }
    vars.sort(Comparator.comparingLong(GlobalVariable::offset));
    return new Fixed(id, name, size, vars);
  }

  /** The fixed-up {@code DATASEC} with id {@code id}. */
  @Nullable Fixed byId(int id) {
    return byId.get(id);
  }

  /**
   * The id of the first type named {@code name} (any kind, as libbpf's {@code btf__find_by_name}),
   * or 0.
   */
  int firstNamed(String name) {
    Btf b = btf;
    if (b == null) {
      return 0;
    }
    int[] ids = b.idsByName(name);
    return ids.length == 0 ? 0 : ids[0];
  }

  /** The first {@code DATASEC} named {@code name}, fixed up, or null. */
  @Nullable Fixed named(String name) {
    Btf b = btf;
    if (b == null) {
      return null;
    }
    for (int id : b.idsByName(name)) {
      Fixed f = byId.get(id);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
