package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfLinkage;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.SymbolBinding;
import io.github.core4j.elf.SymbolType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's {@code bpf_object__init_maps}: the BTF-defined maps of {@code .maps} (by offset), an
 * internal map per non-empty global data section (by section index), the {@code .kconfig} map, then
 * the {@code struct_ops} maps; and the {@link DataSection}s behind the internal maps.
 */
final class MapCollector {
  /** A map while relocations still add initial slots and {@code struct_ops} programs. */
  static final class Builder {
    String name = "";
    MapKind kind = MapKind.BTF_DEFINED;
    MapType type = MapType.UNSPEC;
    int keySize;
    int valueSize;
    int maxEntries;
    int flags;
    int numaNode;
    long mapExtra;
    MapPinning pinning = MapPinning.NONE;
    int keyTypeId;
    int valueTypeId;
    String sectionName = "";
    int sectionIndex;
    long sectionOffset;
    long varSize;
    int varId;
    boolean autocreate = true;
    @Nullable MapDefinition inner;
    final Map<Integer, String> slots = new TreeMap<>();
    @Nullable String structName;
    @Nullable ByteBuffer structData;
    final Map<Integer, StructOpsProgram> structPrograms = new TreeMap<>();

    MapDefinition build() {
      StructOps ops = null;
      if (structName != null && structData != null) {
        ops =
            new StructOps(
                structName, valueTypeId, structData, new ArrayList<>(structPrograms.values()));
      }
      List<MapSlot> initial = new ArrayList<>();
      for (Map.Entry<Integer, String> e : slots.entrySet()) {
        initial.add(new MapSlot(e.getKey(), e.getValue()));
      }
      return new MapDefinition(
          name,
          kind,
          type,
          keySize,
          valueSize,
          maxEntries,
          flags,
          numaNode,
          mapExtra,
          pinning,
          keyTypeId,
          valueTypeId,
          sectionName,
          sectionIndex,
          sectionOffset,
          autocreate,
          inner,
          initial,
          ops);
    }
  }

  private final ObjectReader reader;
  final List<Builder> maps = new ArrayList<>();
  private final List<DataSection> dataSections = new ArrayList<>();

  private MapCollector(ObjectReader reader) {
    this.reader = reader;
  }

  static MapCollector collect(ObjectReader r, Datasecs datasecs, List<Extern> externs) {
    MapCollector c = new MapCollector(r);
    c.btfMaps(datasecs);
    c.dataMaps(datasecs);
    c.kconfigMap(datasecs, externs);
    c.structOpsMaps(datasecs);
    return c;
  }

  List<MapDefinition> definitions() {
    List<MapDefinition> out = new ArrayList<>(maps.size());
    for (Builder b : maps) {
      out.add(b.build());
    }
    return out;
  }

  List<DataSection> dataSections() {
    return dataSections;
  }

  /** The map named {@code name} ({@code bpf_object__find_map_by_name}), or null. */
  @Nullable Builder byName(String name) {
    for (Builder b : maps) {
      if (b.name.equals(name)) {
        return b;
      }
    }
    return null;
  }

  private void btfMaps(Datasecs datasecs) {
    if (reader.mapsIndex < 0) {
      return;
    }
    Btf btf = reader.requireBtf("SEC(\".maps\")");
    ElfSection section = reader.elf.section(reader.mapsIndex);
    Datasecs.Fixed datasec = datasecs.named(ObjectReader.MAPS_SECTION);
    if (datasec == null) {
      throw new BpfObjectException(
          reader.source, section.describe(), -1, "has no BTF DATASEC '.maps' describing its maps");
    }
    MapDefParser parser = new MapDefParser(reader, btf);
    int index = 0;
    for (GlobalVariable v : datasec.variables()) {
      String where = "map #" + index++;
      if (v.name().isEmpty()) {
        throw error(section, where + " has no name");
      }
      if (v.offset() + v.size() > section.size()) {
        throw error(
            section,
            "map '"
                + v.name()
                + "' at offset "
                + v.offset()
                + " ("
                + v.size()
                + " bytes) lies outside the section ("
                + section.size()
                + " bytes)");
      }
      if (v.linkage() != BtfLinkage.GLOBAL) {
        throw error(
            section,
            "map '" + v.name() + "' has " + v.linkage().label() + " linkage; maps must be global");
      }
      int defId = BtfTypes.skipModsAndTypedefs(btf, v.typeId());
      if (!(btf.type(defId) instanceof BtfStruct def)) {
        throw error(
            section,
            "map '" + v.name() + "' is " + BtfTypes.describe(btf, defId) + ", expected a STRUCT");
      }
      if (Integer.toUnsignedLong(def.size()) > v.size()) {
        throw error(
            section,
            "map '"
                + v.name()
                + "' definition is "
                + Integer.toUnsignedLong(def.size())
                + " bytes, larger than its variable");
      }
      MapDefParser.Def d = parser.parse(v.name(), def);
      Builder b = fromDef(v.name(), d, section);
      b.sectionOffset = v.offset();
      b.varSize = v.size();
      b.varId = v.varId();
      MapDefParser.Def innerDef = d.inner;
      if (innerDef != null) {
        b.inner = fromDef(v.name() + ".inner", innerDef, section).build();
      }
      maps.add(b);
    }
  }

  private Builder fromDef(String name, MapDefParser.Def d, ElfSection section) {
    Builder b = new Builder();
    b.name = name;
    b.kind = MapKind.BTF_DEFINED;
    b.type =
        MapType.ofValue(d.type)
            .orElseThrow(
                () ->
                    error(
                        section,
                        "map '"
                            + name
                            + "' has map type "
                            + Integer.toUnsignedString(d.type)
                            + ", which no kernel defines"));
    b.keySize = d.keySize;
    b.valueSize = d.valueSize;
    b.maxEntries = d.maxEntries;
    b.flags = d.flags;
    b.numaNode = d.numaNode;
    b.mapExtra = d.mapExtra;
    b.pinning = d.pinning == MapPinning.BY_NAME.value() ? MapPinning.BY_NAME : MapPinning.NONE;
    b.keyTypeId = d.keyTypeId;
    b.valueTypeId = d.valueTypeId;
    b.sectionName = section.name();
    b.sectionIndex = section.index();
    return b;
  }

  private void dataMaps(Datasecs datasecs) {
    for (ElfSection s : reader.elf.sections()) {
      ObjectReader.Kind k = reader.kinds[s.index()];
      MapKind kind;
      if (k == ObjectReader.Kind.DATA) {
        kind = MapKind.DATA;
      } else if (k == ObjectReader.Kind.RODATA) {
        kind = MapKind.RODATA;
      } else if (k == ObjectReader.Kind.BSS) {
        kind = MapKind.BSS;
      } else {
        continue;
      }
      if (s.size() == 0) {
        continue;
      }
      if (s.size() > 0xffff_ffffL) {
        throw error(s, "is " + s.size() + " bytes, more than a map value can hold");
      }
      int typeId = datasecs.firstNamed(s.name());
      Datasecs.Fixed fixed = datasecs.byId(typeId);
      List<GlobalVariable> vars = fixed != null ? fixed.variables() : symbolVariables(s);
      Builder b = internal(s.name(), kind, s.size(), typeId, fixed);
      b.sectionIndex = s.index();
      maps.add(b);
      ByteBuffer initial = kind == MapKind.BSS ? ByteBuffer.allocate(0) : reader.elf.data(s);
      dataSections.add(
          new DataSection(
              s.name(),
              b.name,
              kind,
              s.index(),
              s.size(),
              fixed == null ? 0 : typeId,
              initial.order(reader.elf.byteOrder()),
              vars));
    }
  }

  private void kconfigMap(Datasecs datasecs, List<Extern> externs) {
    long size = 0;
    List<GlobalVariable> vars = new ArrayList<>();
    for (Extern e : externs) {
      if (e instanceof KconfigExtern k) {
        size = k.offset() + (long) k.size();
        vars.add(
            new GlobalVariable(
                k.name(), k.offset(), k.size(), k.typeId(), k.btfId(), BtfLinkage.GLOBAL));
      }
    }
    if (vars.isEmpty()) {
      return;
    }
    String section = ObjectReader.KCONFIG_SECTION;
    int typeId = datasecs.firstNamed(section);
    Datasecs.Fixed fixed = datasecs.byId(typeId);
    Builder b = internal(section, MapKind.KCONFIG, size, typeId, fixed);
    b.sectionIndex = reader.symbols.section().index();
    maps.add(b);
    dataSections.add(
        new DataSection(
            section,
            b.name,
            MapKind.KCONFIG,
            -1,
            size,
            fixed == null ? 0 : typeId,
            ByteBuffer.allocate(0).order(reader.elf.byteOrder()),
            vars));
  }

  /** libbpf's {@code bpf_object__init_internal_map}. */
  private Builder internal(
      String section, MapKind kind, long size, int typeId, Datasecs.@Nullable Fixed fixed) {
    Builder b = new Builder();
    b.name = InternalMapNames.mapName(reader.objectName, section);
    b.kind = kind;
    b.type = MapType.ARRAY;
    b.keySize = 4;
    b.valueSize = (int) size;
    b.maxEntries = 1;
    b.flags = kind == MapKind.RODATA || kind == MapKind.KCONFIG ? MapDefinition.F_RDONLY_PROG : 0;
    if (fixed != null) {
      for (GlobalVariable v : fixed.variables()) {
        if (v.linkage() != BtfLinkage.STATIC) {
          b.flags |= MapDefinition.F_MMAPABLE;
          break;
        }
      }
    }
    b.valueTypeId = typeId;
    b.sectionName = section;
    return b;
  }

  /** Variables of a data section without a {@code DATASEC}: its named object symbols. */
  private List<GlobalVariable> symbolVariables(ElfSection s) {
    List<GlobalVariable> vars = new ArrayList<>();
    for (ElfSymbol sym : reader.symbols.inSection(s.index())) {
      if (sym.type() != SymbolType.OBJECT || sym.name().isEmpty()) {
        continue;
      }
      boolean isStatic = sym.binding() == SymbolBinding.LOCAL || ObjectReader.hiddenVisibility(sym);
      vars.add(
          new GlobalVariable(
              sym.name(),
              sym.value(),
              sym.size(),
              0,
              0,
              isStatic ? BtfLinkage.STATIC : BtfLinkage.GLOBAL));
    }
    return vars;
  }

  /** libbpf's {@code init_struct_ops_maps}. */
  private void structOpsMaps(Datasecs datasecs) {
    for (ElfSection s : reader.elf.sections()) {
      if (reader.kinds[s.index()] != ObjectReader.Kind.STRUCT_OPS) {
        continue;
      }
      Btf btf = reader.requireBtf("SEC(\"" + s.name() + "\")");
      Datasecs.Fixed datasec = null;
      for (int id : btf.idsByName(s.name())) {
        if (btf.type(id) instanceof BtfDatasec) {
          datasec = datasecs.byId(id);
          break;
        }
      }
      if (datasec == null) {
        throw error(s, "has no BTF DATASEC of the same name");
      }
      boolean optional = s.name().startsWith("?");
      String plain = optional ? s.name().substring(1) : s.name();
      for (GlobalVariable v : datasec.variables()) {
        int typeId = BtfTypes.resolveType(btf, v.varId());
        BtfType type = typeId < 0 ? null : btf.type(typeId);
        if (!(type instanceof BtfStruct struct) || struct.name().isEmpty()) {
          throw error(
              s,
              "struct_ops variable '"
                  + v.name()
                  + "' is "
                  + (typeId < 0 ? "of an unresolvable type" : BtfTypes.describe(btf, typeId))
                  + ", expected a named STRUCT");
        }
        long size = Integer.toUnsignedLong(struct.size());
        if (v.offset() + size > s.size()) {
          throw error(
              s, "struct_ops variable '" + v.name() + "' extends beyond the end of the section");
        }
        Builder b = new Builder();
        b.name = v.name();
        b.kind = MapKind.STRUCT_OPS;
        b.type = MapType.STRUCT_OPS;
        b.keySize = 4;
        b.valueSize = (int) size;
        b.maxEntries = 1;
        b.flags = plain.equals(".struct_ops.link") ? MapDefinition.F_LINK : 0;
        b.valueTypeId = typeId;
        b.sectionName = s.name();
        b.sectionIndex = s.index();
        b.sectionOffset = v.offset();
        b.varSize = size;
        b.varId = v.varId();
        b.autocreate = !optional;
        b.structName = struct.name();
        ByteBuffer data = reader.elf.data(s);
        b.structData = data.slice((int) v.offset(), (int) size).order(reader.elf.byteOrder());
        maps.add(b);
      }
    }
  }

  private BpfObjectException error(ElfSection s, String problem) {
    return new BpfObjectException(reader.source, s.describe(), -1, problem);
  }
}
