/**
 * Where kernel BTFs come from, streamed one kernel at a time: BTF files in any form core-elf reads
 * ({@link io.github.core4j.reloc.kernels.BtfFileSource}), tar archives and BTFHub files ({@link
 * io.github.core4j.reloc.kernels.ArchiveSource}), directory trees ({@link
 * io.github.core4j.reloc.kernels.DirectorySource}) and the running kernel ({@link
 * io.github.core4j.reloc.kernels.SysfsSource}). Start at {@link
 * io.github.core4j.reloc.kernels.KernelSources#of}.
 */
package io.github.core4j.reloc.kernels;
