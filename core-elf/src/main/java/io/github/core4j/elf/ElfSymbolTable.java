package io.github.core4j.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A symbol table section ({@code SHT_SYMTAB} or {@code SHT_DYNSYM}). Entries are decoded when asked
 * for (vmlinux has over a hundred thousand); {@link #symbols()} decodes all of them once.
 */
public final class ElfSymbolTable {
  private final String source;
  private final ElfSection section;
  private final ByteBuffer data;
  private final StringTable names;
  private final @Nullable ByteBuffer extendedIndexes;
  private final int count;
  private volatile @Nullable List<ElfSymbol> all;
  private volatile @Nullable Map<Integer, List<ElfSymbol>> sectionIndex;

  ElfSymbolTable(
      String source,
      ElfSection section,
      ByteBuffer data,
      StringTable names,
      @Nullable ByteBuffer extendedIndexes) {
    this.source = source;
    this.section = section;
    this.data = data;
    this.names = names;
    this.extendedIndexes = extendedIndexes;
    this.count = data.limit() / ElfSymbol.ENTRY_SIZE;
  }

  /** The symbol table's section header. */
  public ElfSection section() {
    return section;
  }

  /** Number of entries, including the null symbol at index 0. */
  public int size() {
    return count;
  }

  /** Decodes entry {@code index}; {@code ElfFormatException} when it is out of range or bad. */
  public ElfSymbol symbol(int index) {
    if (index < 0 || index >= count) {
      throw new ElfFormatException(
          source,
          section.describe(),
          -1,
          "symbol index " + index + " is out of range (the table has " + count + " entries)");
    }
    int at = index * ElfSymbol.ENTRY_SIZE;
    long nameOffset = Integer.toUnsignedLong(data.getInt(at));
    int info = data.get(at + 4) & 0xff;
    int other = data.get(at + 5) & 0xff;
    int shndx = data.getShort(at + 6) & 0xffff;
    long value = data.getLong(at + 8);
    long size = data.getLong(at + 16);
    if (shndx == ElfSymbol.SHN_XINDEX && extendedIndexes != null) {
      if ((long) index * 4 + 4 > extendedIndexes.limit()) {
        throw new ElfFormatException(
            source,
            section.describe(),
            section.offset() + at,
            "symbol " + index + " uses SHN_XINDEX but SHT_SYMTAB_SHNDX has no entry for it");
      }
      shndx = extendedIndexes.getInt(index * 4);
    }
    String name = names.get(nameOffset, "symbol " + index);
    return new ElfSymbol(index, name, info, other, shndx, value, size);
  }

  /** Every entry in index order (decoded once, then cached). */
  public List<ElfSymbol> symbols() {
    List<ElfSymbol> list = all;
    if (list == null) {
      List<ElfSymbol> decoded = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        decoded.add(symbol(i));
      }
      list = Collections.unmodifiableList(decoded);
      all = list;
    }
    return list;
  }

  /**
   * The symbols defined in section {@code sectionIndex}, ordered by value then index: what a BPF
   * object model walks to find the programs of a code section or the variables of a data section.
   */
  public List<ElfSymbol> inSection(int sectionIndex) {
    return bySection().getOrDefault(sectionIndex, List.of());
  }

  private Map<Integer, List<ElfSymbol>> bySection() {
    Map<Integer, List<ElfSymbol>> index = sectionIndex;
    if (index == null) {
      Map<Integer, List<ElfSymbol>> built = new HashMap<>();
      for (ElfSymbol s : symbols()) {
        if (s.index() != 0) {
          built.computeIfAbsent(s.sectionIndex(), k -> new ArrayList<>()).add(s);
        }
      }
      for (Map.Entry<Integer, List<ElfSymbol>> e : built.entrySet()) {
        List<ElfSymbol> list = e.getValue();
        list.sort(Comparator.comparingLong(ElfSymbol::value).thenComparingInt(ElfSymbol::index));
        e.setValue(Collections.unmodifiableList(list));
      }
      index = built;
      sectionIndex = index;
    }
    return index;
  }

  /** The first symbol named {@code name}. */
  public Optional<ElfSymbol> byName(String name) {
    for (ElfSymbol s : symbols()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
