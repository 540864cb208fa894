package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfLinkage;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.SymbolBinding;
import io.github.core4j.elf.SymbolType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's {@code bpf_object__collect_externs}: every undefined global or weak {@code STT_NOTYPE}
 * symbol is an extern, typed by the BTF {@code VAR} or {@code FUNC} of the same name and classified
 * by the {@code DATASEC} ({@code .kconfig} or {@code .ksyms}) that lists it. Kconfig externs get
 * their offsets in the {@code .kconfig} map as libbpf lays it out.
 */
final class ExternCollector {
  private ExternCollector() {}

  /** libbpf's extern order: kconfig first, by alignment (descending), size, then name. */
  private static final Comparator<Extern> ORDER =
      Comparator.<Extern>comparingInt(e -> e instanceof KconfigExtern ? 0 : 1)
          .thenComparingInt(e -> e instanceof KconfigExtern k ? -k.alignment() : 0)
          .thenComparingInt(e -> e instanceof KconfigExtern k ? k.size() : 0)
          .thenComparing(Extern::name);

  static List<Extern> collect(ObjectReader r) {
    List<Extern> found = new ArrayList<>();
    List<Integer> datasecs = null;
    for (ElfSymbol sym : r.symbols.symbols()) {
      if (!isExtern(sym) || sym.name().isEmpty()) {
        continue;
      }
      Btf btf = r.requireBtf("extern '" + sym.name() + "'");
      if (datasecs == null) {
        datasecs = datasecIds(btf);
      }
      found.add(extern(r, btf, sym, datasecs));
    }
    found.sort(ORDER);
    List<Extern> out = new ArrayList<>(found.size());
    int offset = 0;
    for (Extern e : found) {
      if (e instanceof KconfigExtern k) {
        int at = roundUp(offset, k.alignment());
        offset = at + k.size();
        e =
            new KconfigExtern(
                k.name(),
                k.weak(),
                k.btfId(),
                k.symbolIndex(),
                k.typeId(),
                k.type(),
                k.size(),
                k.alignment(),
                k.signed(),
                at);
      }
      out.add(e);
    }
    return out;
  }

  /** libbpf's {@code sym_is_extern}. */
  static boolean isExtern(ElfSymbol sym) {
    SymbolBinding b = sym.binding();
    return sym.sectionIndex() == ElfSymbol.SHN_UNDEF
        && (b == SymbolBinding.GLOBAL || b == SymbolBinding.WEAK)
        && sym.type() == SymbolType.NOTYPE;
  }

  private static Extern extern(ObjectReader r, Btf btf, ElfSymbol sym, List<Integer> datasecs) {
    String name = sym.name();
    int btfId = externBtfId(r, btf, name);
    BtfType t = btf.type(btfId);
    String section = null;
    for (int id : datasecs) {
      BtfDatasec d = (BtfDatasec) btf.type(id);
      for (BtfVarSecinfo v : d.vars()) {
        if (v.type() == btfId) {
          section = d.name();
          break;
        }
      }
      if (section != null) {
        break;
      }
    }
    if (section == null) {
      throw error(r, name, "its BTF " + BtfTypes.describe(btf, btfId) + " is in no DATASEC");
    }
    boolean weak = sym.binding() == SymbolBinding.WEAK;
    if (section.equals(ObjectReader.KCONFIG_SECTION)) {
      if (!(t instanceof BtfVar var)) {
        throw error(r, name, "is a function, but functions cannot be __kconfig externs");
      }
      long size = BtfTypes.resolveSize(btf, var.type());
      if (size <= 0 || size > Integer.MAX_VALUE) {
        throw error(r, name, "is a __kconfig extern whose type has no size");
      }
      int align = BtfTypes.alignOf(btf, var.type());
      if (align <= 0) {
        throw error(r, name, "is a __kconfig extern whose type has no alignment");
      }
      boolean[] signed = new boolean[1];
      KconfigType type = kconfigType(btf, var.type(), signed, 0);
      if (type == null) {
        throw error(
            r,
            name,
            "is a __kconfig extern of type "
                + BtfTypes.describe(btf, var.type())
                + "; expected bool, char, an integer, enum libbpf_tristate or a char array");
      }
      return new KconfigExtern(
          name, weak, btfId, sym.index(), var.type(), type, (int) size, align, signed[0], 0);
    }
    if (section.equals(ObjectReader.KSYMS_SECTION)) {
      int typeRef = t instanceof BtfVar var ? var.type() : ((BtfFunc) t).type();
      return new KsymExtern(
          name,
          weak,
          btfId,
          sym.index(),
          t instanceof BtfFunc,
          BtfTypes.skipModsAndTypedefs(btf, typeRef));
    }
    throw error(
        r, name, "is listed in DATASEC '" + section + "'; externs belong in .kconfig or .ksyms");
  }

  /** libbpf's {@code find_extern_btf_id}: the first {@code VAR} or {@code FUNC} named so. */
  private static int externBtfId(ObjectReader r, Btf btf, String name) {
    for (int id : btf.idsByName(name)) {
      BtfType t = btf.type(id);
      if (t instanceof BtfVar v) {
        if (v.linkage() != BtfLinkage.EXTERN) {
          throw error(r, name, "has BTF " + BtfTypes.describe(btf, id) + " that is not extern");
        }
        return id;
      }
      if (t instanceof BtfFunc f) {
        if (f.linkage() != BtfLinkage.EXTERN) {
          throw error(r, name, "has BTF " + BtfTypes.describe(btf, id) + " that is not extern");
        }
        return id;
      }
    }
    throw error(r, name, "has no BTF VAR or FUNC of that name");
  }

  /** libbpf's {@code find_kcfg_type}; null for types it does not support. */
  private static @Nullable KconfigType kconfigType(Btf btf, int id, boolean[] signed, int depth) {
    BtfType t = btf.type(BtfTypes.skipModsAndTypedefs(btf, id));
    if (t instanceof BtfInt i) {
      if (i.isBool()) {
        return i.size() == 1 ? KconfigType.BOOL : null;
      }
      signed[0] = i.isSigned();
      if (i.size() == 1) {
        return KconfigType.CHAR;
      }
      int s = i.size();
      return s < 1 || s > 8 || (s & (s - 1)) != 0 ? null : KconfigType.INT;
    }
    if (t instanceof BtfEnum e) {
      return e.size() == 4 && e.name().equals("libbpf_tristate") ? KconfigType.TRISTATE : null;
    }
    if (t instanceof BtfEnum64 e) {
      return e.name().equals("libbpf_tristate") ? KconfigType.TRISTATE : null;
    }
    if (t instanceof BtfArray a && depth < BtfTypes.MAX_DEPTH) {
      if (a.nelems() == 0) {
        return null;
      }
      KconfigType element = kconfigType(btf, a.type(), new boolean[1], depth + 1);
      return element == KconfigType.CHAR ? KconfigType.CHAR_ARRAY : null;
    }
    return null;
  }

  /** The ids of all {@code DATASEC}s, in id order. */
  static List<Integer> datasecIds(Btf btf) {
    List<Integer> ids = new ArrayList<>();
    for (int id = btf.firstId(); id < btf.typeCount(); id++) {
      if (btf.kind(id) == BtfKind.DATASEC) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static int roundUp(int value, int align) {
    return (value + align - 1) / align * align;
  }

  private static BpfObjectException error(ObjectReader r, String name, String problem) {
    return new BpfObjectException(r.source, -1, "extern '" + name + "' " + problem);
  }
}
