package io.github.core4j.btf;

import java.util.List;

/** A {@code struct} ({@code BTF_KIND_STRUCT}). */
public record BtfStruct(String name, int size, boolean kindFlag, List<BtfMember> members)
    implements BtfComposite {
  /** Copies the member list so the record stays immutable. */
  public BtfStruct {
    members = List.copyOf(members);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.STRUCT;
  }
}
