package io.github.core4j.benchmarks;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.CDumpOptions;
import io.github.core4j.btf.source.BtfFiles;
import java.io.OutputStream;
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

/**
 * The C header dump of kernel BTF, parse included, into a discarding stream: the same work as
 * {@code native/btf_dump_c.c} does with libbpf's {@code btf__parse} and {@code btf_dump}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CDumpBenchmark {
  /** The BTF file to dump. */
  @Param("/sys/kernel/btf/vmlinux")
  public String file;

  /** Parse and write the header. */
  @Benchmark
  public void parseAndDumpC() {
    Btf btf = BtfFiles.read(Path.of(file));
    CDump.write(btf, OutputStream.nullOutputStream(), CDumpOptions.BPFTOOL);
  }
}
