package io.github.core4j.benchmarks.corpus;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.elf.MappedFiles;
import io.github.core4j.elf.kernel.DebPackage;
import io.github.core4j.elf.kernel.KernelBtf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Builds the kernel corpus of {@code benchmarks/check-scale.sh} (run by {@code
 * benchmarks/corpus/build-corpus.sh}).
 *
 * <ul>
 *   <li>{@code extract OUT DEB...}: each linux-image package's BTF (read straight from the .deb by
 *       core-elf's {@code KernelBtf}) as raw BTF in {@code OUT/<kernel release>.btf};
 *   <li>{@code variants DIR}: for each {@code DIR/*.btf}, synthetic kernels derived from it with
 *       one struct rewritten: a field renamed ({@code @renamed-tgid}: {@code task_struct.tgid}
 *       becomes {@code tgid_v2}), a field removed ({@code @no-ifindex}: {@code
 *       net_device.ifindex}), a field moved ({@code @moved-mm}: {@code task_struct.mm} to the end
 *       of a grown struct).
 * </ul>
 */
public final class CorpusTool {
  private CorpusTool() {}

  /** A synthetic variant: a file name suffix and the rewrite of one struct. */
  record Variant(String suffix, String struct, UnaryOperator<BtfStruct> rewrite) {}

  static final List<Variant> VARIANTS =
      List.of(
          new Variant("@renamed-tgid", "task_struct", s -> rename(s, "tgid", "tgid_v2")),
          new Variant("@no-ifindex", "net_device", s -> remove(s, "ifindex")),
          new Variant("@moved-mm", "task_struct", s -> moveToEnd(s, "mm")));

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CorpusTool extract OUT DEB... | variants DIR");
      System.exit(2);
    }
    switch (args[0]) {
      case "extract" -> extract(Path.of(args[1]), List.of(args).subList(2, args.length));
      case "variants" -> variants(Path.of(args[1]));
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  static void extract(Path out, List<String> debs) throws Exception {
    Files.createDirectories(out);
    parallel(
        debs,
        deb -> {
          Path p = Path.of(deb);
          DebPackage.Entry image = DebPackage.kernelImage(MappedFiles.map(p), deb);
          String name = image.name().substring(image.name().lastIndexOf('/') + 1);
          String release = name.replaceFirst("^vmlinu[xz]-", "");
          String source = deb + ":" + image.name();
          Btf btf;
          try {
            btf = KernelBtf.read(image.data(), source, null);
          } catch (RuntimeException e) {
            // signed arm64 images are uncompressed EFI executables without ELF headers
            btf = rawBtfIn(image.data(), source);
            if (btf == null) {
              System.err.println("skipped " + p.getFileName() + ": " + e.getMessage());
              return;
            }
          }
          write(out.resolve(release + ".btf"), reencode(btf, UnaryOperator.identity(), ""));
          System.out.println(release + " (" + btf.typeCount() + " types) from " + p.getFileName());
        });
  }

  static void variants(Path dir) throws Exception {
    List<String> bases = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".btf") && !n.contains("@")) {
          bases.add(p.toString());
        }
      }
    }
    parallel(
        bases,
        base -> {
          Path p = Path.of(base);
          Btf btf = KernelBtf.read(p);
          String name = p.getFileName().toString().replaceFirst("\\.btf$", "");
          for (Variant v : VARIANTS) {
            UnaryOperator<BtfStruct> op = v.rewrite();
            write(p.resolveSibling(name + v.suffix() + ".btf"), reencode(btf, op, v.struct()));
          }
          System.out.println(name + ": " + VARIANTS.size() + " variants");
        });
  }

  /**
   * The largest raw BTF blob inside {@code image} (an uncompressed kernel image keeps vmlinux's
   * {@code .BTF} contents as they are), found by its header: magic, version 1, a 24- or 32-byte
   * header, sections that fit.
   */
  static @Nullable Btf rawBtfIn(ByteBuffer image, String source) {
    ByteBuffer b = image.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    Btf best = null;
    for (int at = 0; at + 32 <= b.limit(); at += 4) {
      if ((b.getInt(at) & 0xffffff) != 0x01eb9f) {
        continue;
      }
      int hdrLen = b.getInt(at + 4);
      if (hdrLen != 24 && hdrLen != 32) {
        continue;
      }
      long end =
          (long) hdrLen
              + Math.max(
                  Integer.toUnsignedLong(b.getInt(at + 8))
                      + Integer.toUnsignedLong(b.getInt(at + 12)),
                  Integer.toUnsignedLong(b.getInt(at + 16))
                      + Integer.toUnsignedLong(b.getInt(at + 20)));
      if (at + end > b.limit()) {
        continue;
      }
      try {
        Btf btf =
            Btf.parse(
                b.slice(at, (int) end).order(ByteOrder.LITTLE_ENDIAN),
                source + " (raw BTF at " + at + ")");
        if (best == null || btf.typeCount() > best.typeCount()) {
          best = btf;
        }
      } catch (RuntimeException e) {
        // not BTF after all
      }
    }
    return best;
  }

  /** All types of {@code btf}, structs named {@code struct} passed through {@code rewrite}. */
  static byte[] reencode(Btf btf, UnaryOperator<BtfStruct> rewrite, String struct) {
    BtfBuilder b = new BtfBuilder();
    for (int id = 1; id < btf.typeCount(); id++) {
      BtfType t = btf.type(id);
      if (t instanceof BtfStruct s && s.name().equals(struct)) {
        t = rewrite.apply(s);
      }
      b.add(t);
    }
    return b.toBytes(btf.byteOrder());
  }

  static BtfStruct rename(BtfStruct s, String from, String to) {
    List<BtfMember> members = new ArrayList<>();
    for (BtfMember m : s.members()) {
      members.add(
          m.name().equals(from) ? new BtfMember(to, m.type(), m.bitOffset(), m.bitfieldSize()) : m);
    }
    return new BtfStruct(s.name(), s.size(), s.kindFlag(), members);
  }

  static BtfStruct remove(BtfStruct s, String name) {
    List<BtfMember> members = new ArrayList<>();
    for (BtfMember m : s.members()) {
      if (!m.name().equals(name)) {
        members.add(m);
      }
    }
    return new BtfStruct(s.name(), s.size(), s.kindFlag(), members);
  }

  /** Moves an 8-byte member to a new slot at the end, growing the struct by 8 bytes. */
  static BtfStruct moveToEnd(BtfStruct s, String name) {
    List<BtfMember> members = new ArrayList<>();
    BtfMember moved = null;
    for (BtfMember m : s.members()) {
      if (m.name().equals(name)) {
        moved = m;
      } else {
        members.add(m);
      }
    }
    if (moved == null) {
      return s;
    }
    int size = (s.size() + 7) / 8 * 8;
    members.add(new BtfMember(moved.name(), moved.type(), size * 8, moved.bitfieldSize()));
    return new BtfStruct(s.name(), size + 8, s.kindFlag(), members);
  }

  interface Job {
    void run(String item) throws Exception;
  }

  static void parallel(List<String> items, Job job) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String item : items) {
        futures.add(
            pool.submit(
                () -> {
                  job.run(item);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static void write(Path file, byte[] bytes) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
