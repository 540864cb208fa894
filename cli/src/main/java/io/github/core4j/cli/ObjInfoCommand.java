package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.Extern;
import io.github.core4j.elf.object.GlobalVariable;
import io.github.core4j.elf.object.KconfigExtern;
import io.github.core4j.elf.object.KsymExtern;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapSlot;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.StructOps;
import io.github.core4j.elf.object.StructOpsProgram;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j obj info OBJ [--json]}: the programs, maps, global variables and externs of a BPF
 * object as libbpf sees them right after {@code bpf_object__open}, with libbpf's names and type
 * strings ({@code libbpf_bpf_prog_type_str}, {@code libbpf_bpf_map_type_str}).
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Show the programs, maps, global variables and externs of a BPF object, as libbpf opens"
            + " it.")
final class ObjInfoCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "OBJ",
      description = "A BPF object (*.bpf.o), either byte order.")
  Path file;

  @Option(
      names = "--json",
      description = "One JSON object with programs, maps, globals and externs instead of tables.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    InputFiles.requireReadable(file);
    BpfObject obj = BpfObject.open(file);
    try (StdOut out = new StdOut(Core4j.of(spec).stdout())) {
      if (json) {
        out.append(json(obj)).append('\n');
      } else {
        text(obj, out);
      }
    }
    return 0;
  }

  // ---- JSON ----

  private String json(BpfObject obj) {
    Json j = new Json().beginObject();
    j.field("object", obj.name());
    j.field("file", file.toString());
    j.field("byte_order", obj.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
    j.field("license", obj.license());
    j.name("kernel_version");
    if (obj.kernelVersion().isPresent()) {
      j.value(Integer.toUnsignedLong(obj.kernelVersion().getAsInt()));
    } else {
      j.nullValue();
    }
    j.name("programs").beginArray();
    for (Program p : obj.programs()) {
      AttachType attach = p.expectedAttachType();
      j.beginObject()
          .field("name", p.name())
          .field("section", p.sectionName())
          .field("type", p.type().libbpfName())
          .nullableField("attach_type", attach == null ? null : attach.libbpfName())
          .field("insns", p.insnCount())
          .field("autoload", p.autoload())
          .field("sleepable", p.sleepable());
      j.name("subprograms").beginArray();
      for (Program sub : obj.subprogramsUsedBy(p)) {
        j.value(sub.name());
      }
      j.endArray();
      j.field("func_info", p.funcInfo().size())
          .field("line_info", p.lineInfo().size())
          .field("core_relos", p.coreRelos().size())
          .field("relocations", p.relocations().size());
      j.endObject();
    }
    j.endArray();
    j.name("subprograms").beginArray();
    for (Program p : obj.subprograms()) {
      j.beginObject()
          .field("name", p.name())
          .field("insns", p.insnCount())
          .field("global", p.global())
          .endObject();
    }
    j.endArray();
    j.name("maps").beginArray();
    for (MapDefinition m : obj.maps()) {
      map(j, obj, m);
    }
    j.endArray();
    j.name("globals").beginArray();
    for (DataSection d : obj.dataSections()) {
      j.beginObject().field("section", d.name()).field("map", d.mapName()).field("size", d.size());
      j.name("variables").beginArray();
      for (GlobalVariable v : d.variables()) {
        j.beginObject()
            .field("name", v.name())
            .field("offset", v.offset())
            .field("size", v.size())
            .nullableField("type", typeName(obj, v.typeId()))
            .field("exposed", v.isExposed())
            .endObject();
      }
      j.endArray().endObject();
    }
    j.endArray();
    j.name("externs").beginArray();
    for (Extern e : obj.externs()) {
      j.beginObject().field("name", e.name()).field("weak", e.weak());
      if (e instanceof KconfigExtern k) {
        j.field("kind", "kconfig")
            .field("type", k.type().name().toLowerCase(java.util.Locale.ROOT))
            .field("offset", k.offset())
            .field("size", k.size());
      } else if (e instanceof KsymExtern k) {
        j.field("kind", k.function() ? "kfunc" : "ksym")
            .nullableField("type", k.isTypeless() ? null : typeName(obj, k.typeId()));
      }
      j.endObject();
    }
    j.endArray();
    return j.endObject().toString();
  }

  private static void map(Json j, BpfObject obj, MapDefinition m) {
    j.beginObject()
        .field("name", m.name())
        .field("type", m.type().libbpfName())
        .field("key_size", Integer.toUnsignedLong(m.keySize()))
        .field("value_size", Integer.toUnsignedLong(m.valueSize()))
        .field("max_entries", Integer.toUnsignedLong(m.maxEntries()))
        .field("flags", Integer.toUnsignedLong(m.flags()))
        .field("numa_node", Integer.toUnsignedLong(m.numaNode()))
        .field("map_extra", m.mapExtra())
        .field("pinning", m.pinning().name().toLowerCase(java.util.Locale.ROOT))
        .field("internal", m.isInternal())
        .field("section", m.sectionName())
        .nullableField("key_type", m.keyTypeId() == 0 ? null : typeName(obj, m.keyTypeId()))
        .nullableField("value_type", m.valueTypeId() == 0 ? null : typeName(obj, m.valueTypeId()));
    MapDefinition inner = m.innerMap();
    if (inner != null) {
      j.name("inner_map");
      map(j, obj, inner);
    }
    if (!m.initialSlots().isEmpty()) {
      j.name("initial_values").beginArray();
      for (MapSlot s : m.initialSlots()) {
        j.beginObject().field("slot", s.index()).field("target", s.target()).endObject();
      }
      j.endArray();
    }
    StructOps ops = m.structOps();
    if (ops != null) {
      j.name("struct_ops").beginObject().field("type", ops.typeName());
      j.name("programs").beginArray();
      for (StructOpsProgram p : ops.programs()) {
        j.beginObject().field("member", p.member()).field("program", p.program()).endObject();
      }
      j.endArray().endObject();
    }
    j.endObject();
  }

  // ---- text ----

  private void text(BpfObject obj, StdOut out) {
    out.append(file.toString())
        .append(": BPF object '")
        .append(obj.name())
        .append("', ")
        .append(obj.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big")
        .append(" endian, license \"")
        .append(obj.license())
        .append('"');
    if (obj.kernelVersion().isPresent()) {
      out.append(", kernel version 0x").append(Integer.toHexString(obj.kernelVersion().getAsInt()));
    }
    out.append("\n");
    List<String[]> programs = new ArrayList<>();
    programs.add(
        new String[] {"PROGRAM", "SECTION", "TYPE", "ATTACH", "INSNS", "AUTOLOAD", "SUBPROGRAMS"});
    for (Program p : obj.programs()) {
      AttachType attach = p.expectedAttachType();
      List<String> subs = new ArrayList<>();
      for (Program sub : obj.subprogramsUsedBy(p)) {
        subs.add(sub.name());
      }
      programs.add(
          new String[] {
            p.name(),
            p.sectionName(),
            p.type().libbpfName(),
            attach == null ? "-" : attach.libbpfName(),
            Integer.toString(p.insnCount()),
            p.autoload() ? "yes" : "no",
            subs.isEmpty() ? "-" : String.join(",", subs)
          });
    }
    table(out, programs);
    List<String[]> maps = new ArrayList<>();
    maps.add(new String[] {"MAP", "TYPE", "KEY", "VALUE", "MAX_ENTRIES", "FLAGS", "SECTION"});
    for (MapDefinition m : obj.maps()) {
      maps.add(
          new String[] {
            m.name(),
            m.type().libbpfName(),
            Integer.toUnsignedString(m.keySize()),
            Integer.toUnsignedString(m.valueSize()),
            Integer.toUnsignedString(m.maxEntries()),
            "0x" + Integer.toHexString(m.flags()),
            m.sectionName()
          });
    }
    table(out, maps);
    List<String[]> globals = new ArrayList<>();
    globals.add(new String[] {"GLOBAL", "SECTION", "MAP", "OFFSET", "SIZE", "TYPE"});
    for (DataSection d : obj.dataSections()) {
      for (GlobalVariable v : d.variables()) {
        String type = typeName(obj, v.typeId());
        globals.add(
            new String[] {
              v.name() + (v.isExposed() ? "" : " (static)"),
              d.name(),
              d.mapName(),
              Long.toString(v.offset()),
              Long.toString(v.size()),
              type == null ? "-" : type
            });
      }
    }
    table(out, globals);
    List<String[]> externs = new ArrayList<>();
    externs.add(new String[] {"EXTERN", "KIND", "TYPE", "WEAK"});
    for (Extern e : obj.externs()) {
      String kind;
      String type;
      if (e instanceof KconfigExtern k) {
        kind = "kconfig @" + k.offset();
        type = typeName(obj, k.typeId());
      } else {
        KsymExtern k = (KsymExtern) e;
        kind = k.function() ? "kfunc" : "ksym";
        type = k.isTypeless() ? "(typeless)" : typeName(obj, k.typeId());
      }
      externs.add(
          new String[] {e.name(), kind, type == null ? "-" : type, e.weak() ? "yes" : "no"});
    }
    table(out, externs);
  }

  private static @Nullable String typeName(BpfObject obj, int id) {
    Btf btf = obj.btf().orElse(null);
    return btf == null ? null : TypeNames.of(btf, id);
  }

  /** Writes rows (the first is the header) with columns padded to their widest cell. */
  private static void table(StdOut out, List<String[]> rows) {
    if (rows.size() == 1) {
      return;
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    out.append("\n");
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - row[i].length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append("\n");
    }
  }
}
