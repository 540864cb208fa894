/**
 * What {@code core4j check} prints: a table for terminals ({@link
 * io.github.core4j.reloc.matrix.report.TextTableReport}), JSON lines ({@link
 * io.github.core4j.reloc.matrix.report.JsonLinesReport}), JUnit XML ({@link
 * io.github.core4j.reloc.matrix.report.JunitReport}) and a progress bar ({@link
 * io.github.core4j.reloc.matrix.report.ProgressBar}).
 */
package io.github.core4j.reloc.matrix.report;
