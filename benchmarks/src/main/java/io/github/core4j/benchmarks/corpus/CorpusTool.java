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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Builds the kernel corpus of {@code benchmarks/check-scale.sh} (run by {@code
 * benchmarks/corpus/build-corpus.sh}).
 *
 * <ul>
 *   <li>{@code extract OUT DEB...}: each linux-image package's BTF (read straight from the .deb by
 *       core-elf's {@code KernelBtf}) as raw BTF in {@code OUT/<kernel release>.btf};
 *   <li>{@code variants DIR}: for each {@code DIR/*.btf}, synthetic kernels derived from it with
 *       one struct rewritten: a field renamed ({@code +renamed-tgid}: {@code task_struct.tgid}
 *       becomes {@code tgid_v2}), a field removed ({@code +no-ifindex}: {@code
 *       net_device.ifindex}), a field moved ({@code +moved-mm}: {@code task_struct.mm} to the end
 *       of a grown struct).
 * </ul>
 */
public final class CorpusTool {
  private CorpusTool() {}

  /** A synthetic variant: a file name suffix and the rewrite of one struct. */
  record Variant(String suffix, String struct, UnaryOperator<BtfStruct> rewrite) {}

  static final List<Variant> VARIANTS =
      List.of(
          new Variant("+renamed-tgid", "task_struct", s -> rename(s, "tgid", "tgid_v2")),
          new Variant("+no-ifindex", "net_device", s -> remove(s, "ifindex")),
          new Variant("+moved-mm", "task_struct", s -> moveToEnd(s, "mm")));

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
          Btf btf = KernelBtf.read(image.data(), deb + ":" + image.name(), null);
          write(out.resolve(release + ".btf"), reencode(btf, UnaryOperator.identity(), ""));
          System.out.println(release + " (" + btf.typeCount() + " types) from " + p.getFileName());
        });
  }

  static void variants(Path dir) throws Exception {
    List<String> bases = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".btf") && !n.contains("+")) {
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
