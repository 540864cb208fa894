package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.Testdata;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.testing.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every BTF of {@code testdata/btf/manifest-c.tsv} (kernels in both byte orders, modules on
 * their base, clang-made BTF of every kind and of layout corners): our C header is byte for byte
 * the one {@code bpftool btf dump file F format c} (bpftool 7.1) wrote for it.
 */
class CDumpMatchesBpftoolTest {
  static List<Testdata.BtfCase> cases() {
    return Testdata.cHeaderCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void cHeaderEqualsBpftool(Testdata.BtfCase c) {
    Btf btf = c.parse();
    String ours = CDump.toString(btf, CDumpOptions.BPFTOOL);
    HeaderDiff.assertSameHeader(c.expectedDump(), ours, c.toString());
  }

  @Test
  void runningKernelHeaderEqualsLiveBpftool() {
    Oracle.require("bpftool");
    if (!Files.isReadable(BtfFiles.SYSFS.resolve("vmlinux"))) {
      Assumptions.abort("this kernel publishes no /sys/kernel/btf/vmlinux");
    }
    String expected =
        new String(
            Oracle.run(
                List.of(
                    "bpftool", "btf", "dump", "file", "/sys/kernel/btf/vmlinux", "format", "c")),
            StandardCharsets.UTF_8);
    String ours = CDump.toString(BtfFiles.runningKernel(), CDumpOptions.BPFTOOL);
    HeaderDiff.assertSameHeader(expected, ours, "/sys/kernel/btf/vmlinux");
  }
}
