/**
 * Attaching programs, one class per attach kind ({@code XdpAttach}, {@code TracepointAttach},
 * {@code KprobeAttach}, {@code RawTracepointAttach}, {@code TracingAttach}, {@code CgroupAttach},
 * {@code TcxAttach}); each returns an {@link io.github.core4j.runtime.link.Link} that detaches when
 * closed.
 */
package io.github.core4j.runtime.link;
