package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private bpf filesystem, mounted on a temporary directory for maps pinned by name and unmounted
 * (pins and all) by {@link #close()}.
 */
final class PinRoot implements AutoCloseable {
  private final Path path;

  private PinRoot(Path path) {
    this.path = path;
  }

  static PinRoot create() throws IOException {
    Kernel.requireTool("mount");
    Path p = Files.createTempDirectory("core4j-bpffs-");
    Kernel.run("mount", "-t", "bpf", "bpf", p.toString());
    return new PinRoot(p);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    Kernel.exec("umount", path.toString());
    Files.deleteIfExists(path);
  }
}
