/**
 * Maps: {@link io.github.core4j.runtime.map.MapSpec} describes one, {@link
 * io.github.core4j.runtime.map.BpfMap} owns one (element operations, iteration, per-CPU values,
 * freeze, pin), {@link io.github.core4j.runtime.map.MapBatch} moves many elements per syscall,
 * {@link io.github.core4j.runtime.map.MapMemory} maps array values into the process.
 */
package io.github.core4j.runtime.map;
