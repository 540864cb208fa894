package io.github.core4j.btf;

import java.util.List;

/** A {@code union} ({@code BTF_KIND_UNION}). */
public record BtfUnion(String name, int size, boolean kindFlag, List<BtfMember> members)
    implements BtfComposite {
  /** Copies the member list so the record stays immutable. */
  public BtfUnion {
    members = List.copyOf(members);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.UNION;
  }
}
