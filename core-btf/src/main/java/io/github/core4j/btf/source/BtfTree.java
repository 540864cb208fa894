package io.github.core4j.btf.source;

import io.github.core4j.btf.BtfFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A collection of kernel BTF files read as one tree: a directory, or a tar archive (plain or
 * compressed with xz, gzip, zstd or bzip2), in any nesting — BTFHub's {@code
 * distro/version/arch/kernel.btf.tar.xz} layout, an archive of that layout, or just a directory of
 * {@code *.btf} files.
 *
 * <p>Archives are streamed: nothing is extracted to disk, and {@link #scan} holds one file of the
 * tree in memory at a time. Scanning only finds the files; each {@link Item} is decompressed and
 * split into BTF blobs by {@link Item#read}, which may run on another thread, so that the expensive
 * part of a large tree can run in parallel.
 *
 * <p>What counts as BTF is decided by name: {@code *.btf}, optionally compressed ({@code .xz},
 * {@code .gz}, {@code .zst}, {@code .bz2}); what counts as an archive: {@code *.tar}, optionally
 * compressed, {@code *.tgz} and {@code *.txz}. Other files (checksums, READMEs) are skipped. Each
 * blob gets a relative path ({@code /}-separated) that mirrors where it was found: a BTF file's
 * path without its compression suffix, or, for a file inside an archive, the archive's directory
 * joined with the file's path inside it — so {@code
 * ubuntu/20.04/x86_64/5.4.0-26-generic.btf.tar.xz} gives {@code
 * ubuntu/20.04/x86_64/5.4.0-26-generic.btf}. Paths never contain {@code ..} or start with {@code
 * /}; archive entries that would are refused.
 */
public final class BtfTree {
  /** Archives nested deeper than this (a tar in a tar in a tar ...) are refused. */
  public static final int MAX_NESTING = 4;

  private static final String[] COMPRESSION_SUFFIXES = {".xz", ".gz", ".zst", ".bz2"};

  private BtfTree() {}

  /** One BTF blob of a tree: its mirrored relative path and its decompressed bytes. */
  public static final class Entry {
    private final String path;
    private final byte[] bytes;

    /** A blob found at {@code path}. */
    public Entry(String path, byte[] bytes) {
      this.path = path;
      this.bytes = bytes;
    }

    /**
     * Where the blob was found, mirrored: relative, {@code /}-separated, ending in {@code .btf}.
     */
    public String path() {
      return path;
    }

    /** The decompressed bytes (not copied). */
    public byte[] bytes() {
      return bytes;
    }

    @Override
    public String toString() {
      return path + " (" + bytes.length + " bytes)";
    }
  }

  /**
   * One file of a tree, found but not yet decompressed: a BTF file, or an archive that holds BTF
   * files.
   */
  public interface Item {
    /** The file's path relative to the tree's root ({@code /}-separated). */
    String path();

    /**
     * Decompresses the file and hands each BTF blob in it to {@code sink}, in order.
     *
     * @throws BtfFormatException when the file is corrupt or refuses to decompress
     */
    void read(Consumer<Entry> sink);
  }

  /** Whether {@code path} names an archive (by its file name), which {@link #scan} walks. */
  public static boolean isArchive(Path path) {
    Path name = path.getFileName();
    return name != null && isArchiveName(name.toString());
  }

  /** Whether {@code path} is a directory or an archive: something {@link #scan} walks. */
  public static boolean isTree(Path path) {
    return Files.isDirectory(path) || isArchive(path);
  }

  /**
   * Finds every BTF file or archive in {@code root} — a directory (walked in path order), an
   * archive (streamed in archive order), or a single BTF file — and hands each to {@code items} on
   * the calling thread. Files inside an archive are read into memory one at a time, still
   * compressed; {@code items} may block (to bound how many are in flight) and may pass them to
   * other threads.
   *
   * @throws BtfFormatException when the root archive is corrupt
   * @throws UncheckedIOException when a directory cannot be read
   */
  public static void scan(Path root, Consumer<Item> items) {
    if (Files.isDirectory(root)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read directory " + root + ": " + e.getMessage(), e);
      }
      for (Path f : files) {
        String rel = relative(root, f);
        String name = fileName(rel);
        if (isArchiveName(name) || isBtfName(name)) {
          items.accept(new FileItem(f, rel));
        }
      }
      return;
    }
    String rootName = root.getFileName() == null ? root.toString() : root.getFileName().toString();
    if (!isArchiveName(rootName)) {
      items.accept(new FileItem(root, rootName));
      return;
    }
    try (InputStream in = Files.newInputStream(root)) {
      walkTar(in, root.toString(), "", 1, items);
    } catch (NoSuchFileException e) {
      throw new BtfFormatException(root.toString(), -1, "no such file");
    } catch (IOException e) {
      throw new BtfFormatException(
          root.toString(), "cannot read archive: " + DecoderFailure.describe("archive", e), e);
    }
  }

  /** Every BTF blob in {@code root}, read on the calling thread (for small trees and tests). */
  public static List<Entry> readAll(Path root) {
    List<Entry> out = new ArrayList<>();
    scan(root, item -> item.read(out::add));
    return out;
  }

  /** {@code name} without a trailing {@code .xz}, {@code .gz}, {@code .zst} or {@code .bz2}. */
  static String stripCompression(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String s : COMPRESSION_SUFFIXES) {
      if (lower.endsWith(s)) {
        return name.substring(0, name.length() - s.length());
      }
    }
    return name;
  }

  static boolean isArchiveName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return stripCompression(lower).endsWith(".tar")
        || lower.endsWith(".tgz")
        || lower.endsWith(".txz");
  }

  static boolean isBtfName(String name) {
    return stripCompression(name).toLowerCase(Locale.ROOT).endsWith(".btf");
  }

  /** The mirrored path of a BTF file found at {@code path}: its compression suffix removed. */
  private static String btfPath(String path) {
    return stripCompression(path);
  }

  private static String relative(Path root, Path file) {
    StringBuilder b = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(part);
    }
    return b.toString();
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String directoryOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * Streams the tar in {@code raw} (compressed or not), handing every BTF file or nested archive in
   * it to {@code items} with paths under {@code dir}.
   */
  private static void walkTar(
      InputStream raw, String source, String dir, int depth, Consumer<Item> items)
      throws IOException {
    if (depth > MAX_NESTING) {
      throw new BtfFormatException(
          source, -1, "archives nested more than " + MAX_NESTING + " levels deep");
    }
    BufferedInputStream buffered = new BufferedInputStream(raw);
    Compression c = Compression.peek(buffered);
    try (TarArchiveInputStream tar = new TarArchiveInputStream(c.open(buffered))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile()) {
          continue;
        }
        String name = safeName(e.getName(), source);
        String base = fileName(name);
        if (!isArchiveName(base) && !isBtfName(base)) {
          continue;
        }
        if (e.getSize() > Compression.DEFAULT_LIMIT) {
          throw new BtfFormatException(
              source, -1, name + " is larger than " + Compression.DEFAULT_LIMIT + " bytes");
        }
        byte[] data = tar.readNBytes((int) e.getSize());
        items.accept(new BytesItem(data, source + ":" + name, dir + name, depth));
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BtfFormatException bfe) {
        throw bfe;
      }
      throw new BtfFormatException(source, DecoderFailure.describe("archive", e), e);
    }
  }

  /** An archive entry's name, normalised; refuses absolute names and {@code ..}. */
  private static String safeName(String name, String source) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    if (n.startsWith("/") || n.contains("\\")) {
      throw new BtfFormatException(source, -1, "refusing archive entry " + name);
    }
    for (String part : n.split("/", -1)) {
      if (part.equals("..") || part.isEmpty()) {
        throw new BtfFormatException(source, -1, "refusing archive entry " + name);
      }
    }
    return n;
  }

  /** A file of a directory tree (or the root file itself). */
  private record FileItem(Path file, String path) implements Item {
    @Override
    public void read(Consumer<Entry> sink) {
      if (isArchiveName(fileName(path))) {
        try (InputStream in = Files.newInputStream(file)) {
          walkTar(in, file.toString(), directoryOf(path), 1, item -> item.read(sink));
        } catch (IOException e) {
          throw new BtfFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return;
      }
      sink.accept(new Entry(btfPath(path), BtfFiles.readBytes(file)));
    }
  }

  /** A file read out of an archive, still compressed. */
  private static final class BytesItem implements Item {
    private final byte[] data;
    private final String source;
    private final String path;
    private final int depth;

    BytesItem(byte[] data, String source, String path, int depth) {
      this.data = data;
      this.source = source;
      this.path = path;
      this.depth = depth;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public void read(Consumer<Entry> sink) {
      if (isArchiveName(fileName(path))) {
        try {
          walkTar(
              new ByteArrayInputStream(data),
              source,
              directoryOf(path),
              depth + 1,
              item -> item.read(sink));
        } catch (IOException e) {
          throw new BtfFormatException(source, "cannot read: " + e.getMessage(), e);
        }
        return;
      }
      sink.accept(new Entry(btfPath(path), Compression.inflate(data, source)));
    }
  }
}
