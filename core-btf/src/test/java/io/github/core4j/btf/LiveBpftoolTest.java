package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.testing.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bpftool run now, on this machine's kernel BTF: the committed expectations can go stale when the
 * host kernel changes, this comparison cannot.
 */
class LiveBpftoolTest {
  @Test
  void runningKernelDumpEqualsBpftool() {
    Oracle.require("bpftool");
    if (!Files.isReadable(BtfFiles.SYSFS.resolve("vmlinux"))) {
      org.junit.jupiter.api.Assumptions.abort("this kernel publishes no /sys/kernel/btf/vmlinux");
    }
    String expected =
        new String(
            Oracle.run(List.of("bpftool", "btf", "dump", "file", "/sys/kernel/btf/vmlinux")),
            StandardCharsets.UTF_8);
    StringBuilder ours = new StringBuilder(expected.length());
    RawDump.write(BtfFiles.runningKernel(), ours);
    assertEquals(expected.length(), ours.length());
    assertEquals(expected, ours.toString());
  }
}
