package io.github.core4j.runtime.feature;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapFlag;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.prog.ProgramSpec;
import io.github.core4j.runtime.sys.Libc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Single feature probes, decided as libbpf's {@code libbpf_probe_bpf_prog_type}, {@code _map_type}
 * and {@code _helper} decide them (and so {@code bpftool feature probe}): load a minimal program of
 * the type, create a minimal map of the type, load a program of the type that calls the helper and
 * read the verifier's verdict.
 */
public final class FeatureProbe {
  private static final int ENOTSUPP = 524;

  private FeatureProbe() {}

  /** Whether the kernel loads programs of {@code type}. */
  public static boolean programType(ProgramType type) {
    return load(type, ProbeInstructions.returnZero(), false).supported;
  }

  /** Whether the kernel creates maps of {@code type}. */
  public static boolean mapType(MapType type) {
    if (type == MapType.UNSPEC) {
      return false;
    }
    MapSpec spec = MapSpec.of(type, 4, 4, 1);
    LoadedBtf btf = null;
    BpfMap inner = null;
    try {
      switch (type) {
        case STACK_TRACE -> spec = MapSpec.of(type, 4, 8, 1);
        case LPM_TRIE ->
            spec = MapSpec.of(type, 8, 8, 1).withFlags(MapFlag.mask(MapFlag.NO_PREALLOC));
        case CGROUP_STORAGE, PERCPU_CGROUP_STORAGE ->
            spec = MapSpec.of(type, 16, 8, 0); // sizeof(struct bpf_cgroup_storage_key)
        case QUEUE, STACK -> spec = MapSpec.of(type, 0, 4, 1);
        case SK_STORAGE, INODE_STORAGE, TASK_STORAGE, CGRP_STORAGE -> {
          btf = LoadedBtf.load(localStorageBtf());
          spec =
              MapSpec.of(type, 4, 8, 0)
                  .withFlags(MapFlag.mask(MapFlag.NO_PREALLOC))
                  .withBtf(btf, 1, 3);
        }
        case RINGBUF, USER_RINGBUF -> spec = MapSpec.of(type, 0, 0, Libc.pageSize());
        case BLOOM_FILTER -> spec = MapSpec.of(type, 0, 4, 1);
        case ARENA -> spec = MapSpec.of(type, 0, 0, 1).withFlags(MapFlag.mask(MapFlag.MMAPABLE));
        case STRUCT_OPS -> {
          return false; // needs a vmlinux value type id, which MapSpec does not carry
        }
        case ARRAY_OF_MAPS, HASH_OF_MAPS -> {
          inner = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 1));
          spec = spec.withInnerMap(inner);
        }
        default -> {}
      }
      try (BpfMap map = BpfMap.create(spec)) {
        return map.fd().isOpen();
      } catch (BpfException e) {
        return false;
      }
    } catch (BpfException e) {
      return false;
    } finally {
      if (inner != null) {
        inner.close();
      }
      if (btf != null) {
        btf.close();
      }
    }
  }

  /**
   * Whether programs of {@code type} may call {@code helper}: false when the verifier says the
   * helper is unknown or not for this type ("invalid func", "unknown func", "program of this type
   * cannot use helper"); true on any other outcome, as in libbpf.
   */
  public static boolean helper(ProgramType type, BpfHelper helper) {
    Outcome o = load(type, ProbeInstructions.callHelper(helper.id()), true);
    if (o.supported) {
      return true;
    }
    String log = o.log == null ? "" : o.log;
    return !(log.contains("invalid func ")
        || log.contains("unknown func ")
        || log.contains("program of this type cannot use helper "));
  }

  private record Outcome(boolean supported, @Nullable String log) {}

  private static Outcome load(ProgramType type, byte[] insns, boolean wantLog) {
    ProgramSpec spec = ProgramSpec.of(type, insns).withLogLevel(wantLog ? 1 : 0);
    int expectedErrno = 0;
    @Nullable String expectedLog = null;
    switch (type) {
      case CGROUP_SOCK_ADDR -> spec = spec.withExpectedAttachType(AttachType.CGROUP_INET4_CONNECT);
      case CGROUP_SOCKOPT -> spec = spec.withExpectedAttachType(AttachType.CGROUP_GETSOCKOPT);
      case SK_LOOKUP -> spec = spec.withExpectedAttachType(AttachType.SK_LOOKUP);
      case LIRC_MODE2 -> spec = spec.withExpectedAttachType(AttachType.LIRC_MODE2);
      case NETFILTER -> spec = spec.withExpectedAttachType(AttachType.NETFILTER);
      case KPROBE -> spec = spec.withKernVersion(KernelRelease.current().code());
      case SYSCALL -> spec = spec.withFlags(ProgramSpec.SLEEPABLE);
      case TRACING, LSM -> {
        spec =
            spec.withExpectedAttachType(
                    type == ProgramType.TRACING
                        ? AttachType.TRACE_FENTRY
                        : AttachType.MODIFY_RETURN)
                .withAttachBtfId(1, 0)
                .withLogLevel(1);
        expectedErrno = Errno.EINVAL.value();
        expectedLog = "attach_btf_id 1 is not a function";
      }
      case EXT -> {
        spec = spec.withAttachBtfId(1, 0).withLogLevel(1);
        expectedErrno = Errno.EINVAL.value();
        expectedLog = "Cannot replace kernel functions";
      }
      case STRUCT_OPS -> expectedErrno = ENOTSUPP;
      case UNSPEC -> {
        return new Outcome(false, null);
      }
      default -> {}
    }
    try (BpfProgram p = BpfProgram.load(spec)) {
      return new Outcome(expectedErrno == 0, p.verifierLog());
    } catch (BpfException e) {
      if (expectedErrno != 0) {
        String log = Optional.ofNullable(e.verifierLog()).orElse("");
        boolean ok =
            e.errno() == expectedErrno && (expectedLog == null || log.contains(expectedLog));
        return new Outcome(ok, log);
      }
      return new Outcome(false, e.verifierLog());
    }
  }

  /** libbpf's local-storage probe BTF: int, struct bpf_spin_lock {int val}, struct val {...}. */
  static byte[] localStorageBtf() {
    byte[] strings = "\0bpf_spin_lock\0val\0cnt\0l\0".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer t = ByteBuffer.allocate(16 + 12 + 12 + 12 + 12 + 12).order(ByteOrder.nativeOrder());
    t.putInt(0).putInt(1 << 24).putInt(4).putInt((1 << 24) | 32); // [1] int
    t.putInt(1).putInt((4 << 24) | 1).putInt(4); // [2] struct bpf_spin_lock, 1 member
    t.putInt(15).putInt(1).putInt(0); // int val
    t.putInt(15).putInt((4 << 24) | 2).putInt(8); // [3] struct val, 2 members
    t.putInt(19).putInt(1).putInt(0); // int cnt
    t.putInt(23).putInt(2).putInt(32); // struct bpf_spin_lock l, at bit 32
    byte[] types = t.array();
    ByteBuffer all =
        ByteBuffer.allocate(24 + types.length + strings.length).order(ByteOrder.nativeOrder());
    all.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24);
    all.putInt(0).putInt(types.length).putInt(types.length).putInt(strings.length);
    all.put(types).put(strings);
    return all.array();
  }
}
