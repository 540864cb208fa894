/**
 * What the running kernel and process can do: program, map and helper probes as {@code bpftool
 * feature probe} makes them, capabilities from {@code /proc/self/status}, and {@link
 * io.github.core4j.runtime.feature.Explain}, which turns a failure into a sentence.
 */
package io.github.core4j.runtime.feature;
