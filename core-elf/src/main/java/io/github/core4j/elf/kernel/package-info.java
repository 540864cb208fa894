/**
 * BTF out of the files kernels ship in: {@link io.github.core4j.elf.kernel.KernelBtf#read} takes
 * raw or compressed BTF, an ELF with {@code .BTF}, a compressed kernel image or a Debian package
 * and returns the {@link io.github.core4j.btf.Btf}.
 */
package io.github.core4j.elf.kernel;
