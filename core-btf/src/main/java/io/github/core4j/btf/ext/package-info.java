/**
 * The {@code .BTF.ext} section of a BPF object: per ELF section, the function info, line info and
 * CO-RE relocation records that clang emits next to the object's {@code .BTF}. {@link
 * io.github.core4j.btf.ext.BtfExt#parse} reads either byte order and checks every count and offset
 * against the bytes present.
 */
package io.github.core4j.btf.ext;
