package io.github.core4j.runtime.loader;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.ElfSymbolTable;
import io.github.core4j.elf.SymbolBinding;
import io.github.core4j.elf.SymbolType;
import io.github.core4j.elf.SymbolVisibility;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Extern;
import io.github.core4j.elf.object.KconfigExtern;
import io.github.core4j.elf.object.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The changes libbpf makes to an object's BTF before loading it, whatever the kernel: {@code
 * .ksyms} externs become 4-byte allocated variables (kfuncs point at a {@code dummy_ksym} variable
 * and get global linkage and named parameters), {@code .kconfig} variables get their offsets in the
 * kconfig map, every other {@code DATASEC} gets its ELF section's size and its variables the
 * offsets of their symbols (hidden globals become static), variables sorted by offset, and hidden
 * global functions become static.
 */
final class ObjectBtfFixups {
  static final int VAR_STATIC = 0;
  static final int VAR_GLOBAL_ALLOCATED = 1;
  static final int FUNC_STATIC = 0;
  static final int FUNC_GLOBAL = 1;

  private ObjectBtfFixups() {}

  static void apply(BpfObject obj, RawBtf btf) {
    ksyms(obj, btf);
    for (int id = 1; id < btf.typeCount(); id++) {
      if (btf.kind(id) != RawBtf.KIND_DATASEC) {
        continue;
      }
      String name = btf.name(id);
      if (name.equals(".kconfig")) {
        kconfig(obj, btf, id);
      } else if (!name.equals(".ksyms") && btf.sizeOrType(id) == 0) {
        dataSection(obj, btf, id, name);
      }
      sortVariables(btf, id);
    }
    hiddenFunctions(obj, btf);
  }

  private static void ksyms(BpfObject obj, RawBtf btf) {
    int sec = btf.find(".ksyms", RawBtf.KIND_DATASEC);
    if (sec == 0) {
      return;
    }
    int dummy = 0;
    int dummyName = 0;
    int intId = int32(btf);
    for (int i = 0; i < btf.vlen(sec); i++) {
      if (btf.kind(btf.member(sec, i, 0)) == RawBtf.KIND_FUNC) {
        dummyName = btf.addString("dummy_ksym");
        dummy =
            btf.addType(
                dummyName, RawBtf.info(RawBtf.KIND_VAR, false, 0), intId, VAR_GLOBAL_ALLOCATED);
        break;
      }
    }
    int off = 0;
    for (int i = 0; i < btf.vlen(sec); i++, off += 4) {
      int var = btf.member(sec, i, 0);
      if (btf.kind(var) == RawBtf.KIND_FUNC) {
        int proto = btf.sizeOrType(var);
        for (int p = 0; p < btf.vlen(proto); p++) {
          if (btf.member(proto, p, 1) != 0 && btf.member(proto, p, 0) == 0) {
            btf.setMember(proto, p, 0, dummyName);
          }
        }
        btf.setMember(sec, i, 0, dummy);
        btf.setInfo(var, RawBtf.KIND_FUNC, false, FUNC_GLOBAL);
      } else {
        btf.setExtra(var, VAR_GLOBAL_ALLOCATED);
        btf.setSizeOrType(var, intId);
      }
      btf.setMember(sec, i, 1, off);
      btf.setMember(sec, i, 2, 4);
    }
    btf.setSizeOrType(sec, off);
    // obj is only needed to check that every variable is a known extern
    for (int i = 0; i < btf.vlen(sec); i++) {
      int var = btf.member(sec, i, 0);
      if (var != dummy && obj.extern(btf.name(var)).isEmpty()) {
        throw LoadFailure.of(
            obj, "BTF fix-up", "no extern definition for .ksyms variable '" + btf.name(var) + "'");
      }
    }
  }

  /** A 32-bit integer type's id (the first, as libbpf picks it), or 0. */
  private static int int32(RawBtf btf) {
    for (int id = 1; id < btf.typeCount(); id++) {
      if (btf.kind(id) == RawBtf.KIND_INT && (btf.extra(id) & 0xff) == 32) {
        return id;
      }
    }
    return 0;
  }

  private static void kconfig(BpfObject obj, RawBtf btf, int sec) {
    int size = 0;
    for (Extern e : obj.externs()) {
      if (e instanceof KconfigExtern k) {
        size = Math.max(size, k.offset() + k.size());
      }
    }
    btf.setSizeOrType(sec, size);
    for (int i = 0; i < btf.vlen(sec); i++) {
      int var = btf.member(sec, i, 0);
      String name = btf.name(var);
      Optional<Extern> ext = obj.extern(name);
      if (ext.isEmpty() || !(ext.get() instanceof KconfigExtern k)) {
        throw LoadFailure.of(obj, "BTF fix-up", "no extern definition for BTF var '" + name + "'");
      }
      btf.setExtra(var, VAR_GLOBAL_ALLOCATED);
      btf.setMember(sec, i, 1, k.offset());
    }
  }

  private static void dataSection(BpfObject obj, RawBtf btf, int sec, String name) {
    ElfFile elf = obj.elf();
    Optional<ElfSection> section = elf.section(name);
    if (section.isEmpty() || section.get().size() == 0) {
      throw LoadFailure.of(
          obj, "BTF fix-up", "BTF DATASEC '" + name + "' has no ELF section of that name");
    }
    btf.setSizeOrType(sec, (int) section.get().size());
    ElfSymbolTable symbols = elf.symbolTable().orElse(null);
    for (int i = 0; i < btf.vlen(sec); i++) {
      int var = btf.member(sec, i, 0);
      if (btf.kind(var) != RawBtf.KIND_VAR || btf.extra(var) == VAR_STATIC) {
        continue;
      }
      String varName = btf.name(var);
      ElfSymbol sym = symbols == null ? null : variableSymbol(symbols, varName);
      if (sym == null) {
        throw LoadFailure.of(
            obj, "BTF fix-up", "no ELF symbol for global variable '" + varName + "' of " + name);
      }
      btf.setMember(sec, i, 1, (int) sym.value());
      SymbolVisibility v = sym.visibility();
      if (v == SymbolVisibility.HIDDEN || v == SymbolVisibility.INTERNAL) {
        btf.setExtra(var, VAR_STATIC);
      }
    }
  }

  private static @Nullable ElfSymbol variableSymbol(ElfSymbolTable symbols, String name) {
    for (ElfSymbol s : symbols.symbols()) {
      if (s.type() == SymbolType.OBJECT
          && (s.binding() == SymbolBinding.GLOBAL || s.binding() == SymbolBinding.WEAK)
          && s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private static void sortVariables(RawBtf btf, int sec) {
    int n = btf.vlen(sec);
    List<int[]> vars = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      vars.add(new int[] {btf.member(sec, i, 0), btf.member(sec, i, 1), btf.member(sec, i, 2)});
    }
    vars.sort(Comparator.comparingLong(v -> Integer.toUnsignedLong(v[1])));
    for (int i = 0; i < n; i++) {
      for (int w = 0; w < 3; w++) {
        btf.setMember(sec, i, w, vars.get(i)[w]);
      }
    }
  }

  private static void hiddenFunctions(BpfObject obj, RawBtf btf) {
    List<Program> all = new ArrayList<>(obj.programs());
    all.addAll(obj.subprograms());
    for (Program p : all) {
      if (p.global() && p.hidden()) {
        int id = btf.find(p.name(), RawBtf.KIND_FUNC);
        if (id != 0) {
          btf.setInfo(id, RawBtf.KIND_FUNC, false, FUNC_STATIC);
        }
      }
    }
  }
}
