package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: every little-endian object of {@code testdata/bpf/out}. libbpf's answer: {@code
 * expected/<name>.bpfel.objdetails.txt} from {@code objinfo --details} (libbpf 1.1 right after
 * open): instruction digests, map BTF type ids, {@code map_extra}, inner maps, initial values of
 * internal maps, and the {@code DATASEC}s of libbpf's BTF after its fix-ups. Our answer: the same
 * facts read from {@link BpfObject}.
 */
class ObjDetailsMatchLibbpfTest {
  static List<Path> objects() {
    return BpfTestdata.littleEndianObjects();
  }

  private static ObjDetails libbpf(Path object) {
    return ObjDetails.parse(BpfTestdata.expected(object, "objdetails"));
  }

  @ParameterizedTest
  @MethodSource("objects")
  void objectNameEqualsLibbpfs(Path object) {
    assertEquals(libbpf(object).name(), BpfObject.open(object).name());
  }

  @ParameterizedTest
  @MethodSource("objects")
  void instructionsEqualLibbpfs(Path object) {
    ObjDetails libbpf = libbpf(object);
    BpfObject ours = BpfObject.open(object);
    assertEquals(List.copyOf(libbpf.programs().keySet()), names(ours.programs()));
    for (Program p : ours.programs()) {
      assertEquals(
          libbpf.programs().get(p.name()).get("insns_fnv"),
          Fnv64.hex(Fnv64.of(p.code(ByteOrder.LITTLE_ENDIAN))),
          p.name());
    }
  }

  @ParameterizedTest
  @MethodSource("objects")
  void mapTypesExtrasInnerMapsAndInitialValuesEqualLibbpfs(Path object) {
    ObjDetails libbpf = libbpf(object);
    BpfObject ours = BpfObject.open(object);
    for (MapDefinition m : ours.maps()) {
      Map<String, String> theirs = libbpf.maps().get(m.name());
      assertNotNull(theirs, m.name());
      assertEquals(theirs.get("btf_key_type_id"), Integer.toString(m.keyTypeId()), m.name());
      if (m.kind() != MapKind.STRUCT_OPS) {
        // libbpf 1.1 records a struct_ops map's value type at load (1.7 at open, as we do)
        assertEquals(theirs.get("btf_value_type_id"), Integer.toString(m.valueTypeId()), m.name());
      }
      assertEquals(theirs.get("map_extra"), "0x" + Long.toHexString(m.mapExtra()), m.name());
      assertEquals(theirs.get("autocreate"), m.autocreate() ? "1" : "0", m.name());
      MapDefinition inner = m.innerMap();
      assertEquals(
          theirs.get("inner"),
          inner == null
              ? "-"
              : inner.type().libbpfName()
                  + "/"
                  + inner.keySize()
                  + "/"
                  + inner.valueSize()
                  + "/"
                  + inner.maxEntries(),
          m.name());
      if (m.isInternal()) {
        DataSection d = ours.dataSection(m.sectionName()).orElseThrow();
        ByteBuffer initial =
            d.kind() == MapKind.DATA || d.kind() == MapKind.RODATA
                ? d.initialData()
                : ByteBuffer.allocate((int) d.size()); // .bss and .kconfig start zeroed
        assertEquals(theirs.get("initial_size"), Integer.toString(initial.remaining()), m.name());
        assertEquals(theirs.get("initial_fnv"), Fnv64.hex(Fnv64.of(initial)), m.name());
      } else {
        assertEquals("-", theirs.get("initial_size"), m.name());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("objects")
  void globalDataSectionsEqualLibbpfsFixedUpDatasecs(Path object) {
    ObjDetails libbpf = libbpf(object);
    BpfObject ours = BpfObject.open(object);
    List<String> theirNames = new ArrayList<>();
    for (String name : libbpf.datasecs().keySet()) {
      if (name.startsWith(".data")
          || name.startsWith(".rodata")
          || name.startsWith(".bss")
          || name.equals(".kconfig")) {
        theirNames.add(name);
      }
    }
    List<String> ourNames = new ArrayList<>();
    for (DataSection d : ours.dataSections()) {
      if (d.datasecId() != 0) {
        ourNames.add(d.name());
      }
    }
    assertEquals(theirNames.stream().sorted().toList(), ourNames.stream().sorted().toList());
    for (DataSection d : ours.dataSections()) {
      ObjDetails.Datasec theirs = libbpf.datasecs().get(d.name());
      if (theirs == null) {
        continue; // no DATASEC (.rodata.str1.1-style sections)
      }
      assertEquals(theirs.id(), d.datasecId(), d.name());
      assertEquals(theirs.size(), d.size(), d.name());
      List<ObjDetails.Var> ourVars = new ArrayList<>();
      for (GlobalVariable v : d.variables()) {
        ourVars.add(
            new ObjDetails.Var(
                v.name(), v.varId(), v.typeId(), v.offset(), v.size(), v.linkage().label()));
      }
      assertEquals(theirs.vars(), ourVars, d.name());
    }
  }

  @ParameterizedTest
  @MethodSource("objects")
  void mapVariablesSitWhereLibbpfPutsThem(Path object) {
    ObjDetails libbpf = libbpf(object);
    BpfObject ours = BpfObject.open(object);
    for (MapDefinition m : ours.maps()) {
      if (m.kind() != MapKind.BTF_DEFINED && m.kind() != MapKind.STRUCT_OPS) {
        continue;
      }
      ObjDetails.Datasec sec = libbpf.datasecs().get(m.sectionName());
      assertNotNull(sec, m.sectionName());
      ObjDetails.Var var =
          sec.vars().stream().filter(v -> v.name().equals(m.name())).findFirst().orElseThrow();
      assertEquals(var.offset(), m.sectionOffset(), m.name());
    }
  }

  private static List<String> names(List<Program> programs) {
    return programs.stream().map(Program::name).toList();
  }
}
