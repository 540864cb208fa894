/**
 * BPF instructions: the 8-byte slot {@link io.github.core4j.elf.bpf.BpfInsn} with enums for the
 * opcode's parts (kernel values), whole-section decoding ({@link io.github.core4j.elf.bpf.BpfCode})
 * and a disassembler whose text is llvm-objdump's ({@link
 * io.github.core4j.elf.bpf.BpfDisassembler}, {@link io.github.core4j.elf.bpf.ObjdumpListing}).
 */
package io.github.core4j.elf.bpf;
