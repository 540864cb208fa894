package io.github.core4j.benchmarks;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.source.BtfFiles;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing kernel BTF: read the file, index and validate every type, then resolve every type's name
 * — the same work as {@code native/btf_parse.c} does with libbpf's {@code btf__parse}. Native
 * access is enabled, as {@code bin/core4j} and the runtime enable it, so sysfs BTF is read through
 * a mapping (as libbpf 1.6+ does; Debian's libbpf 1.1 reads it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class BtfParseBenchmark {
  /** The BTF file to parse. */
  @Param("/sys/kernel/btf/vmlinux")
  public String file;

  /** Parse and resolve every name. */
  @Benchmark
  public void parseAndResolveNames(Blackhole bh) {
    Btf btf = BtfFiles.read(Path.of(file));
    for (int id = 1; id < btf.typeCount(); id++) {
      bh.consume(btf.name(id));
    }
  }

  /** Parse, then the whole-graph check ({@code validate()}: no cycles without pointers). */
  @Benchmark
  public Btf parseAndValidate() {
    return BtfFiles.read(Path.of(file)).validate();
  }

  /** Parse only: what a caller pays before asking for anything. */
  @Benchmark
  public Btf parseOnly() {
    return BtfFiles.read(Path.of(file));
  }
}
