/**
 * The core4j Maven plugin: goal {@code generate} turns {@code src/main/bpf} ({@code *.bpf.c}
 * compiled with clang, prebuilt {@code *.bpf.o}) into typed Java skeletons packaged with their
 * objects, goal {@code check} proves offline that every object's CO-RE relocations let its programs
 * load on the kernels a team ships to.
 */
@NullMarked
package io.github.core4j.maven;

import org.jspecify.annotations.NullMarked;
