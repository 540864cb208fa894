package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;

/** What a typed view checks when it is created: its codecs fit the map it views. */
final class ViewChecks {
  private ViewChecks() {}

  /** Throws unless the key codec's size is the map's key size. */
  static void keySize(BpfMap map, Codec<?> keys) {
    if (keys.size() != map.keySize()) {
      throw new IllegalArgumentException(
          map.describe()
              + " has "
              + map.keySize()
              + "-byte keys; the key type is "
              + keys.size()
              + " bytes (was the skeleton generated from another build of the object?)");
    }
  }

  /** Throws unless the value codec's size is the map's value size. */
  static void valueSize(BpfMap map, Codec<?> values) {
    if (values.size() != map.valueSize()) {
      throw new IllegalArgumentException(
          map.describe()
              + " has "
              + map.valueSize()
              + "-byte values; the value type is "
              + values.size()
              + " bytes (was the skeleton generated from another build of the object?)");
    }
  }
}
