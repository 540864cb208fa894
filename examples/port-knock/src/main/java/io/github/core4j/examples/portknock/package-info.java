/**
 * XDP port knocking on the skeleton core4j generates from {@code port_knock.bpf.c}: a protected
 * port opens for a source only after it knocks on the right ports in order, and closes again after
 * a quiet period.
 */
@NullMarked
package io.github.core4j.examples.portknock;

import org.jspecify.annotations.NullMarked;
