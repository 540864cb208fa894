package io.github.core4j.runtime.typed;

/** Checks shared by the array codecs. */
final class CArrays {
  private CArrays() {}

  /** A C array has exactly its declared number of elements: anything else is a caller's error. */
  static void requireLength(int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          "the C array has " + expected + " elements, the Java value " + actual);
    }
  }
}
