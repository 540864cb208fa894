/**
 * What generated skeletons stand on: {@link io.github.core4j.runtime.typed.Codec}s between Java
 * values and C bytes, typed views of maps by map type, program handles that test-run or attach, and
 * {@link io.github.core4j.runtime.typed.BpfSkeleton}, the open → load → attach → close lifecycle
 * every skeleton shares.
 */
@NullMarked
package io.github.core4j.runtime.typed;

import org.jspecify.annotations.NullMarked;
