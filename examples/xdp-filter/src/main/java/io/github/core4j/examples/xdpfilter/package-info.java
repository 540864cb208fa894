/**
 * An XDP block-list built on the skeleton core4j generates from {@code xdp_filter.bpf.c}: packets
 * whose source address (IPv4 or IPv6) and destination port match a rule are dropped and counted per
 * rule.
 */
@NullMarked
package io.github.core4j.examples.xdpfilter;

import org.jspecify.annotations.NullMarked;
