package io.github.core4j.runtime.events;

import static io.github.core4j.runtime.Asm.R0;
import static io.github.core4j.runtime.Asm.R1;
import static io.github.core4j.runtime.Asm.R10;
import static io.github.core4j.runtime.Asm.R2;
import static io.github.core4j.runtime.Asm.R3;
import static io.github.core4j.runtime.Asm.R4;
import static io.github.core4j.runtime.Asm.R5;
import static io.github.core4j.runtime.Asm.R6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.Asm;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.prog.ProgramSpec;
import io.github.core4j.runtime.sys.PossibleCpus;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records a program writes, read back by the ring buffer and perf buffer consumers. */
@ExtendWith(NoFdLeaks.class)
class EventsTest {
  static final byte[] PACKET = new byte[64];

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  /**
   * Per run: outputs 0x12345678 (bpf_ringbuf_output), reserves and discards 16 bytes, reserves and
   * submits 0x777.
   */
  static byte[] ringbufProducer(BpfMap ring) {
    int fd = ring.fd().value();
    return new Asm()
        .stDW(R10, -8, 0x12345678)
        .ldMapFd(R1, fd)
        .mov(R2, R10)
        .addImm(R2, -8)
        .movImm(R3, 8)
        .movImm(R4, 0)
        .call(130) // bpf_ringbuf_output
        .ldMapFd(R1, fd)
        .movImm(R2, 16)
        .movImm(R3, 0)
        .call(131) // bpf_ringbuf_reserve
        .jeqImm(R0, 0, "out")
        .mov(R1, R0)
        .movImm(R2, 0)
        .call(133) // bpf_ringbuf_discard
        .ldMapFd(R1, fd)
        .movImm(R2, 8)
        .movImm(R3, 0)
        .call(131)
        .jeqImm(R0, 0, "out")
        .stDW(R0, 0, 0x777)
        .mov(R1, R0)
        .movImm(R2, 0)
        .call(132) // bpf_ringbuf_submit
        .label("out")
        .ret(2)
        .bytes();
  }

  @Test
  void ringBufferDeliversSubmittedRecordsAndSkipsDiscardedOnes() {
    try (BpfMap ring =
            BpfMap.create(MapSpec.of(MapType.RINGBUF, 0, 0, 4096 * 4).withName("events"));
        BpfProgram prog = BpfProgram.load(ProgramSpec.of(ProgramType.XDP, ringbufProducer(ring)));
        RingBuffer reader = RingBuffer.open(ring)) {
      List<Long> seen = new ArrayList<>();
      assertEquals(0, reader.poll(Duration.ofMillis(50), r -> seen.add(0L)), "nothing yet");

      for (int i = 0; i < 3; i++) {
        prog.testRun(PACKET);
      }
      assertTrue(reader.available() > 0);
      int n = reader.poll(Duration.ofSeconds(1), r -> seen.add(r.get(ValueLayout.JAVA_LONG, 0)));
      assertEquals(6, n);
      assertEquals(List.of(0x12345678L, 0x777L, 0x12345678L, 0x777L, 0x12345678L, 0x777L), seen);
      assertEquals(0, reader.available());
    }
  }

  @Test
  void ringBufferWrapsAroundManyTimes() {
    try (BpfMap ring = BpfMap.create(MapSpec.of(MapType.RINGBUF, 0, 0, 4096));
        BpfProgram prog = BpfProgram.load(ProgramSpec.of(ProgramType.XDP, ringbufProducer(ring)));
        RingBuffer reader = RingBuffer.open(ring)) {
      long total = 0;
      for (int round = 0; round < 200; round++) {
        prog.testRun(PACKET);
        total += reader.consume(r -> {});
      }
      assertEquals(400, total); // 200 runs x 2 records, 40 bytes of ring per run: ~2 wraps
    }
  }

  @Test
  void perfBufferDeliversSamplesFromTheCurrentCpu() {
    int cpus = PossibleCpus.count();
    try (BpfMap events = BpfMap.create(MapSpec.of(MapType.PERF_EVENT_ARRAY, 4, 4, cpus));
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(
                    ProgramType.XDP,
                    new Asm()
                        .mov(R6, R1)
                        .stDW(R10, -8, 0xABCD)
                        .mov(R1, R6)
                        .ldMapFd(R2, events.fd().value())
                        .mov32Imm(R3, -1) // BPF_F_CURRENT_CPU
                        .mov(R4, R10)
                        .addImm(R4, -8)
                        .movImm(R5, 8)
                        .call(25) // bpf_perf_event_output
                        .ret(2)
                        .bytes()));
        PerfBuffer reader = PerfBuffer.open(events, 2)) {
      for (int i = 0; i < 5; i++) {
        prog.testRun(PACKET);
      }
      List<Long> samples = new ArrayList<>();
      int n = 0;
      for (int tries = 0; tries < 10 && n < 5; tries++) {
        n +=
            reader.poll(
                Duration.ofMillis(200),
                (cpu, data) -> {
                  assertTrue(data.byteSize() >= 8);
                  samples.add(data.get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
                });
      }
      assertEquals(List.of(0xABCDL, 0xABCDL, 0xABCDL, 0xABCDL, 0xABCDL), samples);
    }
  }

  @Test
  void ringBufferPollWakesUpWhenAnotherThreadProduces() throws Exception {
    try (BpfMap ring = BpfMap.create(MapSpec.of(MapType.RINGBUF, 0, 0, 4096));
        BpfProgram prog = BpfProgram.load(ProgramSpec.of(ProgramType.XDP, ringbufProducer(ring)));
        RingBuffer reader = RingBuffer.open(ring)) {
      Thread producer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      Thread.sleep(200);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    prog.testRun(PACKET);
                  });
      long start = System.nanoTime();
      int n = reader.poll(Duration.ofSeconds(10), r -> {});
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      producer.join();
      assertTrue(n >= 1, "records after wake-up: " + n);
      assertTrue(waitedMs < 5000, "epoll woke up after " + waitedMs + " ms");
    }
  }

  @Test
  void perfBufferRecordsThatWrapAroundTheRingArriveWhole() {
    int cpus = PossibleCpus.count();
    try (BpfMap events = BpfMap.create(MapSpec.of(MapType.PERF_EVENT_ARRAY, 4, 4, cpus));
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(
                    ProgramType.XDP,
                    new Asm()
                        .mov(R6, R1)
                        .stDW(R10, -8, 0x5A5A)
                        .mov(R1, R6)
                        .ldMapFd(R2, events.fd().value())
                        .mov32Imm(R3, -1)
                        .mov(R4, R10)
                        .addImm(R4, -8)
                        .movImm(R5, 8)
                        .call(25)
                        .ret(2)
                        .bytes()));
        PerfBuffer reader = PerfBuffer.open(events, 1)) {
      // 24-byte records in a 4096-byte ring: every 171st record straddles the end
      List<Long> bad = new ArrayList<>();
      long lost[] = {0};
      int n = 0;
      for (int i = 0; i < 1000; i++) {
        prog.testRun(PACKET);
        if (i % 50 == 49) {
          n +=
              reader.consume(
                  new PerfRecordHandler() {
                    @Override
                    public void onSample(int cpu, java.lang.foreign.MemorySegment data) {
                      long v = data.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
                      if (v != 0x5A5A) {
                        bad.add(v);
                      }
                    }

                    @Override
                    public void onLost(int cpu, long count) {
                      lost[0] += count;
                    }
                  });
        }
      }
      assertEquals(List.of(), bad);
      assertEquals(1000, n + lost[0]);
      assertEquals(0, lost[0]);
    }
  }
}
