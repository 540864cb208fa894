package io.github.core4j.runtime.obj;

import static io.github.core4j.runtime.Bytes.asU32;
import static io.github.core4j.runtime.Bytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.Asm;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.link.BpfLink;
import io.github.core4j.runtime.link.RawTracepointAttach;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.prog.ProgramSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Pinning maps, programs and links on a bpf filesystem the test mounts itself. */
@ExtendWith(NoFdLeaks.class)
class PinTest {
  @TempDir Path temp;
  Path bpffs;

  @BeforeEach
  void mountBpffs() {
    Kernel.requireTool("mount");
    bpffs = temp.resolve("bpffs");
    Kernel.run("mkdir", "-p", bpffs.toString());
    Kernel.run("mount", "-t", "bpf", "bpf", bpffs.toString());
  }

  @AfterEach
  void unmount() {
    Kernel.exec("umount", bpffs.toString());
  }

  @Test
  void pinnedMapIsTheSameMapWhenOpenedAgain() {
    assertTrue(BpfFs.isOnBpfFs(bpffs));
    assertFalse(BpfFs.isOnBpfFs(temp));
    Path pin = bpffs.resolve("counts");
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 8).withName("counts"))) {
      map.update(u32(1), u32(11));
      map.pin(pin);
      try (BpfMap again = BpfMap.pinned(pin)) {
        assertEquals(map.info().id(), again.info().id());
        assertEquals(MapType.HASH, again.type());
        assertEquals("counts", again.name());
        assertEquals(11, asU32(again.lookup(u32(1)).orElseThrow()));
      }
    } finally {
      BpfFs.unpin(pin);
    }
    assertFalse(Files.exists(pin));
  }

  @Test
  void pinnedProgramAndLinkOutliveTheirFds() {
    Path progPin = bpffs.resolve("prog");
    Path linkPin = bpffs.resolve("link");
    try (BpfProgram prog =
        BpfProgram.load(
            ProgramSpec.of(ProgramType.RAW_TRACEPOINT, new Asm().ret(0).bytes()).withName("p"))) {
      prog.pin(progPin);
      try (BpfLink link = RawTracepointAttach.attach(prog, "sys_enter")) {
        link.pin(linkPin);
      }
      try (BpfProgram again = BpfProgram.pinned(progPin);
          BpfLink link = BpfLink.pinned(linkPin)) {
        assertEquals(prog.info().id(), again.info().id());
        assertEquals(prog.info().id(), link.info().programId());
      }
    } finally {
      BpfFs.unpin(linkPin);
      BpfFs.unpin(progPin);
    }
  }

  @Test
  void pinningOutsideBpffsFails() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 4, 1))) {
      BpfException e = assertThrows(BpfException.class, () -> map.pin(temp.resolve("x")));
      assertEquals("BPF_OBJ_PIN", e.operation());
      assertEquals("EPERM", e.errnoName());
    }
  }
}
