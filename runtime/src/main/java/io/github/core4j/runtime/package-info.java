/**
 * The kernel-facing layer of core4j: everything that calls {@code bpf()}, in pure Java through FFM
 * (no JNI, no libbpf). Sub-packages, from the bottom up: {@code sys} (syscalls, libc, fds), {@code
 * attr} (the {@code union bpf_attr} layouts), {@code obj} (pinning, object info), {@code btf} (BTF
 * load and the verifier-log protocol), {@code map}, {@code prog} (load, test run), {@code perf}
 * (perf events, tracefs), {@code link} (attach kinds), {@code events} (ring buffer and perf buffer
 * readers), {@code feature} (probes, capabilities, error explanations). This package holds what
 * they all share: {@link io.github.core4j.runtime.BpfException}, {@link
 * io.github.core4j.runtime.Errno}, {@link io.github.core4j.runtime.BpfCommand}.
 */
package io.github.core4j.runtime;
