/** What all BPF objects share: pinning on bpffs and {@code BPF_OBJ_GET_INFO_BY_FD}. */
package io.github.core4j.runtime.obj;
