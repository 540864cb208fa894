/**
 * Reachability of BPF instructions after CO-RE relocation: which poisoned instructions the verifier
 * would reach, given the constants relocations put into guards. Start at {@link
 * io.github.core4j.reloc.reach.Reachability}.
 */
package io.github.core4j.reloc.reach;
