package io.github.core4j.elf.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed {@code expected/<name>.bpfel.objdetails.txt} ({@code objinfo --details}). */
record ObjDetails(
    String name,
    Map<String, Map<String, String>> programs,
    Map<String, Map<String, String>> maps,
    Map<String, Datasec> datasecs) {

  /** A {@code DATASEC} of libbpf's BTF after open. */
  record Datasec(String name, int id, long size, List<Var> vars) {}

  /** One entry of a {@code DATASEC}. */
  record Var(String name, int id, int typeId, long offset, long size, String linkage) {}

  static ObjDetails parse(String text) {
    String name = "";
    Map<String, Map<String, String>> programs = new LinkedHashMap<>();
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    Map<String, Datasec> datasecs = new LinkedHashMap<>();
    Datasec current = null;
    for (String line : text.split("\n")) {
      String[] f = line.trim().split(" ");
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int i = 2; i < f.length; i++) {
        int eq = f[i].indexOf('=');
        attrs.put(f[i].substring(0, eq), f[i].substring(eq + 1));
      }
      switch (f[0]) {
        case "object" -> name = attrs.get("name");
        case "program" -> programs.put(f[1], attrs);
        case "map" -> maps.put(f[1], attrs);
        case "datasec" -> {
          current =
              new Datasec(
                  f[1],
                  Integer.parseInt(attrs.get("id")),
                  Long.parseLong(attrs.get("size")),
                  new ArrayList<>());
          datasecs.put(f[1], current);
        }
        case "var" ->
            current
                .vars()
                .add(
                    new Var(
                        f[1],
                        Integer.parseInt(attrs.get("id")),
                        Integer.parseInt(attrs.get("type_id")),
                        Long.parseLong(attrs.get("offset")),
                        Long.parseLong(attrs.get("size")),
                        attrs.get("linkage")));
        default -> throw new IllegalArgumentException("unexpected line: " + line);
      }
    }
    return new ObjDetails(name, programs, maps, datasecs);
  }
}
