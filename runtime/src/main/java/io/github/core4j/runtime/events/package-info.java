/**
 * Reading what programs send to user space: {@link io.github.core4j.runtime.events.RingBuffer} for
 * ringbuf maps and {@link io.github.core4j.runtime.events.PerfBuffer} for perf event arrays, both
 * waiting with epoll.
 */
package io.github.core4j.runtime.events;
