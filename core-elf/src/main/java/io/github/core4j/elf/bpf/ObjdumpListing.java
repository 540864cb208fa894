package io.github.core4j.elf.bpf;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.SymbolType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The whole text of {@code llvm-objdump -d} for a BPF object: every executable section, a label for
 * each symbol in it, one line per instruction with its index, bytes and text, and branch targets
 * named after the nearest preceding symbol ({@code <LBB0_2>}, {@code <prog+0x18>}).
 */
public final class ObjdumpListing {
  private ObjdumpListing() {}

  /** A label in a code section, as llvm-objdump orders them: by address, type, name. */
  private record Label(long addr, int type, String name) {}

  private static final Comparator<Label> ORDER =
      Comparator.comparing(Label::addr, Long::compareUnsigned)
          .thenComparingInt(Label::type)
          .thenComparing(Label::name);

  /** The listing of {@code elf}; {@code displayName} is the file name objdump would print. */
  public static String render(ElfFile elf, String displayName) {
    StringBuilder out = new StringBuilder();
    out.append('\n').append(displayName).append(":\tfile format elf64-bpf\n");
    for (ElfSection section : elf.sections()) {
      if (!section.isExecutable() || !section.hasFileData() || section.size() == 0) {
        continue;
      }
      out.append("\nDisassembly of section ").append(section.name()).append(":\n");
      renderSection(elf, section, out);
    }
    return out.toString();
  }

  private static void renderSection(ElfFile elf, ElfSection section, StringBuilder out) {
    List<Label> labels = labels(elf, section);
    ByteBuffer data = elf.data(section);
    long size = data.limit(); // not section.size(): SHT_NOBITS sections have no bytes
    for (int li = 0; li < labels.size(); li++) {
      Label label = labels.get(li);
      // symbol values are unsigned and may lie anywhere: clamp the range to the section's bytes
      long start = label.addr();
      long nextLabel = li + 1 < labels.size() ? labels.get(li + 1).addr() : size;
      long end = Long.compareUnsigned(nextLabel, size) < 0 ? nextLabel : size;
      if (Long.compareUnsigned(start, size) >= 0 || Long.compareUnsigned(start, end) >= 0) {
        continue;
      }
      out.append('\n').append(String.format("%016x", start)).append(" <");
      out.append(label.name()).append(">:\n");
      long addr = start;
      while (addr < end) {
        int at = (int) addr;
        long left = end - addr;
        if (left < BpfInsn.SIZE) {
          line(out, addr, data, at, 1, Disassembled.UNKNOWN);
          addr += 1;
          continue;
        }
        int zeros = skippableZeros(data, at, (int) left);
        if (zeros > 0) {
          // llvm-objdump elides runs of 8 or more zero bytes, in multiples of 4
          out.append("\t\t...\n");
          addr += zeros;
          continue;
        }
        BpfInsn insn = BpfInsn.decode(data, at, elf.byteOrder());
        BpfInsn next =
            left >= 2 * BpfInsn.SIZE ? BpfInsn.decode(data, at + 8, elf.byteOrder()) : null;
        Disassembled d = BpfDisassembler.disassemble(insn, next);
        if (insn.isLdImm64() && next == null && d.known()) {
          d = Disassembled.unknown();
        }
        if (insn.isLdImm64() && next == null) {
          // LLVM's decoder reports size 0 here, and objdump skips a single byte.
          line(out, addr, data, at, 1, Disassembled.UNKNOWN);
          addr += 1;
          continue;
        }
        String text = d.text();
        if (d.branch()) {
          long target = addr + BpfInsn.SIZE + d.branchOffset() * BpfInsn.SIZE;
          text += targetName(labels, target);
        }
        int bytes = d.slots() * BpfInsn.SIZE;
        line(out, addr, data, at, bytes, text);
        addr += bytes;
      }
    }
  }

  private static int skippableZeros(ByteBuffer data, int at, int max) {
    int n = 0;
    while (n < max && data.get(at + n) == 0) {
      n++;
    }
    return n < 8 ? 0 : n & ~3;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static void line(
      StringBuilder out, long addr, ByteBuffer data, int at, int count, String text) {
    String index = Long.toString(addr / BpfInsn.SIZE);
    for (int pad = index.length(); pad < 8; pad++) {
      out.append(' ');
    }
    out.append(index).append(":\t");
    for (int b = 0; b < count; b++) {
      if (b > 0) {
        out.append(' ');
      }
      int v = data.get(at + b) & 0xff;
      out.append(HEX[v >> 4]).append(HEX[v & 0xf]);
    }
    out.append('\t').append(text).append('\n');
  }

  private static String targetName(List<Label> labels, long target) {
    Label found = null;
    for (Label l : labels) {
      if (Long.compareUnsigned(l.addr(), target) <= 0) {
        found = l;
      } else {
        break;
      }
    }
    if (found == null) {
      return "";
    }
    long disp = target - found.addr();
    return " <" + found.name() + (disp != 0 ? "+0x" + Long.toHexString(disp) : "") + ">";
  }

  private static List<Label> labels(ElfFile elf, ElfSection section) {
    List<Label> labels = new ArrayList<>();
    for (ElfSymbol s : elf.symbolsIn(section)) {
      SymbolType t = s.type();
      if (t == SymbolType.SECTION || t == SymbolType.FILE) {
        continue;
      }
      labels.add(new Label(s.value(), s.info() & 0xf, s.name()));
    }
    labels.sort(ORDER);
    if (labels.isEmpty() || labels.get(0).addr() != 0) {
      labels.add(0, new Label(0, SymbolType.FUNC.value(), section.name()));
    }
    return labels;
  }
}
