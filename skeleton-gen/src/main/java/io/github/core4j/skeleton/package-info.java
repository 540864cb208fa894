/**
 * Turns a BPF object into one typed Java skeleton class (the Java counterpart of {@code bpftool gen
 * skeleton}): programs, maps with key/value types generated from BTF, and global data accessors.
 */
@NullMarked
package io.github.core4j.skeleton;

import org.jspecify.annotations.NullMarked;
