package io.github.core4j.runtime.link;

/** Where an XDP program runs ({@code XDP_FLAGS_*_MODE}). */
public enum XdpMode {
  /** Let the kernel choose: the driver's native hook if it has one, else generic. */
  DEFAULT(0),
  /** Generic XDP on the sk_buff path ({@code XDP_FLAGS_SKB_MODE}); works on every device. */
  GENERIC(1 << 1),
  /** In the driver ({@code XDP_FLAGS_DRV_MODE}); fails when the driver has no XDP support. */
  DRIVER(1 << 2),
  /** Offloaded to the NIC ({@code XDP_FLAGS_HW_MODE}). */
  OFFLOAD(1 << 3);

  private final int flag;

  XdpMode(int flag) {
    this.flag = flag;
  }

  /** The {@code XDP_FLAGS_*} bit. */
  public int flag() {
    return flag;
  }
}
