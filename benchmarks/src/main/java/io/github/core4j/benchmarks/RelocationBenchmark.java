package io.github.core4j.benchmarks;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.reloc.Relocator;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every CO-RE relocation of a testdata object against the running kernel's BTF, once both BTFs are
 * parsed, each round with a fresh candidate cache as one object load has — the work libbpf's {@code
 * bpf_core_calc_relo_insn} does in {@code testdata/reloc/oracle/relo_calc.c}, timed by {@code
 * benchmarks/run.sh} in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RelocationBenchmark {
  /** The testdata/reloc object (the one with the most relocations). */
  @Param("bitfields")
  public String object;

  /** The repository's testdata directory. */
  @Param("testdata")
  public String testdata;

  private Btf local;
  private Btf vmlinux;
  private BtfExt ext;
  private Targets targets;

  /** Parses both BTFs and the records once; builds the target's candidate index once. */
  @Setup
  public void setup() throws IOException {
    Path obj = Path.of(testdata, "reloc/obj");
    vmlinux = BtfFiles.runningKernel();
    local = BtfFiles.read(obj.resolve(object + ".bpfel.btf.xz"));
    ext = BtfExt.parse(Files.readAllBytes(obj.resolve(object + ".bpfel.btf.ext")), local, object);
    targets = Targets.of(TargetBtf.of("vmlinux", vmlinux));
    new Relocator(local, targets).relocateAll(ext.coreRelos());
  }

  /** All relocations with a fresh candidate cache, the target's name index already built. */
  @Benchmark
  public Object relocateAll() {
    return new Relocator(local, targets).relocateAll(ext.coreRelos());
  }

  /** The same, also rebuilding everything core4j keeps per target kernel. */
  @Benchmark
  public Object relocateAllWithFreshTarget() {
    return new Relocator(local, Targets.of(TargetBtf.of("vmlinux", vmlinux)))
        .relocateAll(ext.coreRelos());
  }
}
