/**
 * The CO-RE relocation engine: decides, exactly as libbpf does, how each CO-RE relocation of a BPF
 * object resolves against a kernel's BTF.
 *
 * <p>Start at {@link io.github.core4j.reloc.Relocator}. Where things are:
 *
 * <ul>
 *   <li>{@link io.github.core4j.reloc.RelocationKind} — the 13 kinds, numbers and libbpf names;
 *   <li>{@code CandidateFinder} — which target types are candidates (essential names, kinds,
 *       vmlinux before modules);
 *   <li>{@code AccessString}, {@code SpecParser} — access strings and the local {@link
 *       io.github.core4j.reloc.AccessSpec};
 *   <li>{@code SpecMatcher} — matching a local spec against a candidate, incl. anonymous members
 *       and flexible arrays;
 *   <li>{@link io.github.core4j.reloc.FieldCompatibility}, {@link
 *       io.github.core4j.reloc.TypeCompatibility}, {@link io.github.core4j.reloc.TypeMatching} —
 *       the three relations that decide whether a target type can stand in for a local one;
 *   <li>{@code FieldRelocation}, {@code TypeRelocation}, {@code EnumRelocation} — the values of
 *       field, type and enumerator relocations ({@code Calculation});
 *   <li>{@code ValueCalculator} — old/new values and the load-size check for one candidate;
 *   <li>{@link io.github.core4j.reloc.RelocationResult} — the outcome: values, poison or failure;
 *   <li>{@link io.github.core4j.reloc.btfgen} — minimized BTF for a set of objects (btfgen).
 * </ul>
 *
 * <p>The relations and value calculations live in this package, next to the specs they read and the
 * errors they raise, so that no package cycle runs between them.
 */
package io.github.core4j.reloc;
