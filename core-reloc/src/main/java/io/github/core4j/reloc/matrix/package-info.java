/**
 * The compatibility matrix of kernels × programs behind {@code core4j check}: {@link
 * io.github.core4j.reloc.matrix.MatrixRunner} reads every kernel once, checks it against every
 * {@link io.github.core4j.reloc.matrix.ObjectCheck} in parallel, and hands rows of {@link
 * io.github.core4j.reloc.matrix.Cell}s to a {@link io.github.core4j.reloc.matrix.MatrixListener} in
 * the kernels' order.
 */
package io.github.core4j.reloc.matrix;
