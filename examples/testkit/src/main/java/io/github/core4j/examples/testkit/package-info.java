/**
 * Test support for the core4j examples: frames to feed XDP programs through {@code
 * BPF_PROG_TEST_RUN} ({@link io.github.core4j.examples.testkit.Frames}), and network namespaces
 * joined by a veth pair to send them real packets ({@link
 * io.github.core4j.examples.testkit.NetnsPair}).
 */
@NullMarked
package io.github.core4j.examples.testkit;

import org.jspecify.annotations.NullMarked;
