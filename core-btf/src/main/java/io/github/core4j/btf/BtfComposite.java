package io.github.core4j.btf;

import java.util.List;

/**
 * A struct or union: byte size and members. {@code kindFlag} says whether member offsets carry
 * bitfield sizes (the {@code kind_flag} encoding), which must be kept to write the type back
 * unchanged.
 */
public sealed interface BtfComposite extends BtfType permits BtfStruct, BtfUnion {
  /** Size in bytes. */
  int size();

  /** Whether member offsets use the bitfield encoding. */
  boolean kindFlag();

  /** Members in declaration order. */
  List<BtfMember> members();
}
