package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.skeleton.golden.Globals;
import io.github.core4j.skeleton.golden.XdpFilter;
import org.junit.jupiter.api.Test;

/**
 * What a generated skeleton does before it touches the kernel: globals read the object's initial
 * data and setters change it; maps and program runs say that they need {@code load()}.
 */
class SkeletonLifecycleTest {
  @Test
  void globalsReadTheObjectsInitialDataBeforeLoad() {
    try (Globals skel = Globals.open()) {
      assertEquals(1, skel.rodata().sampleEvery());
      assertFalse(skel.rodata().verbose());
      assertEquals("core4j", skel.rodata().instanceNameString());
      assertEquals(new Globals.CpuRange((short) 0, (short) 255), skel.rodata().cpuRange());
      assertEquals(42L, skel.data().generation());
      assertEquals(-1, skel.data().lastError());
      assertEquals("hello", skel.data().greetingString());
      assertEquals(4096, skel.rodataLimits().maxBytes());
      assertEquals(443, skel.rodataLimits().allowedPorts()[1]);
      assertEquals(0xf, skel.dataStats().hitMask());
      assertEquals(0L, skel.bss().calls());
    }
  }

  @Test
  void settersBeforeLoadChangeTheInitialData() {
    try (Globals skel = Globals.open()) {
      skel.rodata().sampleEvery(7).verbose(true).instanceNameString("probe");
      skel.bss().schedSeen(new Globals.SchedSeen(1, 2, new long[] {3, 4, 5, 6}));
      assertEquals(7, skel.rodata().sampleEvery());
      assertTrue(skel.rodata().verbose());
      assertEquals("probe", skel.rodata().instanceNameString());
      assertEquals(new Globals.SchedSeen(1, 2, new long[] {3, 4, 5, 6}), skel.bss().schedSeen());
    }
  }

  @Test
  void mapsAndProgramsNeedLoad() {
    try (XdpFilter skel = XdpFilter.open()) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> skel.maps().blocklistV4());
      assertTrue(e.getMessage().contains("call load()"), e.getMessage());
      assertThrows(
          IllegalStateException.class, () -> skel.progs().xdpFilter().testRun(new byte[64]));
    }
  }

  @Test
  void stringsTooLongForTheirArrayAreRefused() {
    try (Globals skel = Globals.open()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> skel.rodata().instanceNameString("sixteen chars!!!"));
    }
  }
}
