package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.runtime.btf.LoadedBtf;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every program load of one object shares.
 *
 * @param obj the object
 * @param btf the object's BTF as loaded, or null when the kernel refused it
 * @param funcInfo whether the kernel takes func and line info
 * @param logLevel the verifier log level
 * @param kernVersion {@code kern_version}
 * @param kernel the target kernel's name, for messages
 * @param modules the loaded modules' BTF (attach targets not in vmlinux), found on first use
 * @param fdArray the object's {@code fd_array}
 * @param expectedAttachTypes whether the kernel takes {@code expected_attach_type} at load (4.17+);
 *     without it, sections where libbpf calls it optional load without one
 */
record ProgramLoadSettings(
    BpfObject obj,
    @Nullable LoadedBtf btf,
    boolean funcInfo,
    int logLevel,
    int kernVersion,
    String kernel,
    Supplier<ModuleBtfs> modules,
    FdArray fdArray,
    boolean expectedAttachTypes) {}
