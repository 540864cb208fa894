package io.github.core4j.runtime.loader;

/**
 * Where a {@code __ksym} extern resolved: a typeless symbol to its kallsyms address, a typed
 * variable or kfunc to a BTF id in vmlinux ({@code btfObjFd} 0); a weak extern the kernel lacks is
 * left unset (its references become 0).
 *
 * @param set whether the extern resolved
 * @param address the kallsyms address (typeless symbols)
 * @param btfId the kernel BTF id of the {@code VAR} or {@code FUNC} (typed symbols and kfuncs)
 * @param btfObjFd the BTF object holding {@code btfId} (0: vmlinux)
 * @param fdIndex for kfuncs in a module, the module BTF's index in the object's {@code fd_array}
 *     (0: vmlinux)
 */
record ResolvedKsym(boolean set, long address, int btfId, int btfObjFd, int fdIndex) {
  static final ResolvedKsym UNSET = new ResolvedKsym(false, 0, 0, 0, 0);

  static ResolvedKsym address(long address) {
    return new ResolvedKsym(true, address, 0, 0, 0);
  }

  static ResolvedKsym vmlinux(int btfId) {
    return new ResolvedKsym(true, 0, btfId, 0, 0);
  }
}
