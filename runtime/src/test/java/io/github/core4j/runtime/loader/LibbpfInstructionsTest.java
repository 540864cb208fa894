package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instructions core4j loads are libbpf's, instruction for instruction: for every testdata
 * object (programs this kernel refuses turned off in both), the program code after CO-RE,
 * subprogram linking and immediate fix-ups equals what {@code bpf_program__insns} returns after
 * libbpf 1.1's {@code bpf_object__load} ({@code src/test/c/libbpf_insns.c}, built with the
 * machine's libbpf); map references compare by map name. The kernel's view agrees too: func and
 * line info of every program, every map's type, sizes, flags and BTF ids, and the object BTF as
 * loaded (after libbpf's fix-ups), byte for byte.
 */
@ExtendWith(NoFdLeaks.class)
class LibbpfInstructionsTest {
  @TempDir static Path build;
  static Path oracle;

  @BeforeAll
  static void buildOracle() {
    Kernel.requireTool("cc");
    if (!Files.exists(Path.of("/usr/include/bpf/libbpf.h"))) {
      Kernel.unmet("libbpf-dev is not installed (/usr/include/bpf/libbpf.h)");
    }
    oracle = build.resolve("libbpf_insns");
    Path source = Path.of("src/test/c/libbpf_insns.c").toAbsolutePath();
    Kernel.run("cc", "-O2", "-o", oracle.toString(), source.toString(), "-lbpf");
  }

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  static Stream<String> objects() {
    return TestObjects.withLoadResults();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void sameInstructionsFuncLineInfoMapsAndBtfAsLibbpf(String name) throws Exception {
    TestObjects.LoadResults expected = TestObjects.loadResults(name);
    List<String> refused = new ArrayList<>();
    expected
        .programs()
        .forEach(
            (p, r) -> {
              if (!r.equals("OK")) {
                refused.add(p);
              }
            });
    String libbpf;
    try (PinRoot pins = PinRoot.create()) {
      List<String> command = new ArrayList<>();
      command.add(oracle.toString());
      command.add(pins.path().toString());
      command.add(TestObjects.object(name).toString());
      command.addAll(refused);
      libbpf = Kernel.run(command.toArray(String[]::new));
    }
    OpenObject open = ObjectLoader.open(TestObjects.object(name));
    for (String p : refused) {
      open.autoload(p, false);
    }
    try (PinRoot pins = PinRoot.create();
        LoadedObject o = open.load(LoadOptions.defaults().withPinRoot(pins.path()))) {
      assertEquals(libbpf, listing(o), "instructions of " + name);
    }
  }

  /** The oracle's listing of what core4j loaded. */
  static String listing(LoadedObject o) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, io.github.core4j.runtime.prog.BpfProgram> e : o.programs().entrySet()) {
      ByteBuffer insns = ByteBuffer.wrap(o.instructions(e.getKey())).order(ByteOrder.nativeOrder());
      int n = insns.capacity() / 8;
      b.append("program ").append(e.getKey()).append(" insns=").append(n).append('\n');
      for (int k = 0; k < n; k++) {
        int code = insns.get(k * 8) & 0xff;
        int regs = insns.get(k * 8 + 1) & 0xff;
        int dst = regs & 0x0f;
        int src = regs >>> 4;
        int off = insns.getShort(k * 8 + 2);
        int imm = insns.getInt(k * 8 + 4);
        b.append(k).append(' ').append(code).append(' ').append(dst).append(' ').append(src);
        b.append(' ').append(off).append(' ');
        if (code == 0x18 && (src == 1 || src == 2)) {
          b.append("map:").append(o.libbpfMapName(imm));
        } else {
          b.append(imm);
        }
        b.append('\n');
      }
      b.append(KernelInfo.programInfo(e.getValue().fd()));
    }
    for (io.github.core4j.elf.object.MapDefinition def : o.object().maps()) {
      if (def.autocreate()) {
        b.append(KernelInfo.mapInfo(def.name(), o.map(def.name()).fd()));
      }
    }
    int btfId = 0;
    for (io.github.core4j.runtime.prog.BpfProgram p : o.programs().values()) {
      btfId = Math.max(btfId, KernelInfo.programBtfId(p.fd()));
    }
    b.append(KernelInfo.btf(btfId));
    return b.toString();
  }
}
