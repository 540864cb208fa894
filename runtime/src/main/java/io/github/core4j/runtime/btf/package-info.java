/**
 * Loading BTF into the kernel ({@code BPF_BTF_LOAD}) and the verifier-log protocol shared with
 * program loads (log on failure, grow on ENOSPC).
 */
package io.github.core4j.runtime.btf;
