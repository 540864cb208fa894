package io.github.core4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.github.core4j.runtime.sys.Libc;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two network namespaces joined by a veth pair, created for a test and removed by {@link #close()}:
 * {@code left} (10.199.N.1 on {@link #leftIf}) and {@code right} (10.199.N.2 on {@link #rightIf}).
 * Nothing is configured in the test machine's own namespace.
 */
public final class VethPair implements AutoCloseable {
  private static final int CLONE_NEWNET = 0x40000000;

  public final String left;
  public final String right;
  public final String leftIf;
  public final String rightIf;
  public final String leftIp;
  public final String rightIp;

  private VethPair(int n) {
    left = "c4j-l" + n;
    right = "c4j-r" + n;
    leftIf = "c4jl" + n;
    rightIf = "c4jr" + n;
    leftIp = "10.199." + (n % 250) + ".1";
    rightIp = "10.199." + (n % 250) + ".2";
  }

  /** Creates the namespaces and the pair (needs root and iproute2). */
  public static VethPair create() {
    Kernel.requireTool("ip");
    VethPair v = new VethPair(ThreadLocalRandom.current().nextInt(1000, 10000));
    try {
      Kernel.run("ip", "netns", "add", v.left);
      Kernel.run("ip", "netns", "add", v.right);
      Kernel.run(
          "ip", "link", "add", v.leftIf, "netns", v.left, "type", "veth", "peer", "name", v.rightIf,
          "netns", v.right);
      Kernel.run("ip", "-n", v.left, "addr", "add", v.leftIp + "/24", "dev", v.leftIf);
      Kernel.run("ip", "-n", v.right, "addr", "add", v.rightIp + "/24", "dev", v.rightIf);
      Kernel.run("ip", "-n", v.left, "link", "set", v.leftIf, "up");
      Kernel.run("ip", "-n", v.right, "link", "set", v.rightIf, "up");
      return v;
    } catch (RuntimeException | AssertionError e) {
      v.close();
      throw e;
    }
  }

  /** Pings the right side from the left {@code count} times; returns ping's exit code. */
  public Kernel.Result pingRightFromLeft(int count) {
    Kernel.requireTool("ping");
    return Kernel.exec(
        "ip",
        "netns",
        "exec",
        left,
        "ping",
        "-c",
        String.valueOf(count),
        "-i",
        "0.2",
        "-W",
        "1",
        rightIp);
  }

  /** Pings until one answer comes back (up to 5 tries): the pair is up and ARP resolved. */
  public boolean reachable() {
    for (int i = 0; i < 5; i++) {
      if (pingRightFromLeft(1).exit() == 0) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code action} on a thread that has entered the right namespace (setns). */
  public <T> T inRight(Callable<T> action) {
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              enter(right);
              return action.call();
            });
    Thread t = new Thread(task, "in-netns-" + right);
    t.start();
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The ifindex of the right interface inside its namespace. */
  public int rightIfindex() {
    return inRight(() -> Libc.ifNameToIndex(rightIf));
  }

  @SuppressWarnings("restricted")
  private static void enter(String netns) {
    Linker linker = Linker.nativeLinker();
    MethodHandle setns =
        linker.downcallHandle(
            linker.defaultLookup().find("setns").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    try (var fd = Libc.open("/var/run/netns/" + netns, Libc.O_RDONLY)) {
      int r = (int) setns.invokeExact(fd.value(), CLONE_NEWNET);
      if (r != 0) {
        throw new IllegalStateException("setns into " + netns + " failed");
      }
    } catch (Throwable t) {
      throw new IllegalStateException("cannot enter " + netns, t);
    }
  }

  @Override
  public void close() {
    Kernel.exec("ip", "netns", "del", left);
    Kernel.exec("ip", "netns", "del", right);
  }
}
