package io.github.core4j.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of everything a {@code generate} run depends on (settings, file names and contents),
 * kept in a stamp file beside the outputs it produced: the next run with the same digest and all
 * outputs in place does nothing. Any change of input, or a deleted output, runs again.
 */
public final class InputStamp {
  private final MessageDigest digest;

  /** An empty digest. */
  public InputStamp() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Adds a setting: {@code name} and its value. */
  public InputStamp setting(String name, String value) {
    text(name);
    text(value);
    return this;
  }

  /** Adds a file's path and contents (a missing file counts as such). */
  public InputStamp file(Path file) {
    text(file.toAbsolutePath().normalize().toString());
    if (!Files.isRegularFile(file)) {
      text("<missing>");
      return this;
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new BuildException(file + ": cannot read: " + e.getMessage(), e);
    }
    text("<end>");
    return this;
  }

  private void text(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (bytes.length >>> 24));
    digest.update((byte) (bytes.length >>> 16));
    digest.update((byte) (bytes.length >>> 8));
    digest.update((byte) bytes.length);
    digest.update(bytes);
  }

  /** The digest so far, in hex (the stamp may still be added to afterwards). */
  public String hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests can be cloned", e);
    }
  }

  /**
   * Whether {@code stampFile} records this digest and every output it lists still exists: then the
   * outputs are current.
   */
  public boolean upToDate(Path stampFile) {
    if (!Files.isRegularFile(stampFile)) {
      return false;
    }
    try {
      List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(hex())) {
        return false;
      }
      for (String output : lines.subList(1, lines.size())) {
        if (!Files.exists(Path.of(output))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Records this digest and the outputs it produced in {@code stampFile}. */
  public void write(Path stampFile, List<Path> outputs) {
    List<String> lines = new ArrayList<>();
    lines.add(hex());
    for (Path o : outputs) {
      lines.add(o.toAbsolutePath().normalize().toString());
    }
    try {
      Files.createDirectories(stampFile.toAbsolutePath().getParent());
      Files.write(stampFile, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BuildException(stampFile + ": cannot write: " + e.getMessage(), e);
    }
  }
}
