/** Helpers every module's tests share (test scope only). */
@NullMarked
package io.github.core4j.testing;

import org.jspecify.annotations.NullMarked;
