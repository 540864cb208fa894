package io.github.core4j.skeleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The struct layouts {@code pahole -F btf --hex} prints: for each top-level named struct, the
 * members a generated record exposes (direct members, and members of anonymous struct members,
 * which the record lifts) with their offsets as pahole computes them.
 */
final class PaholeLayout {
  /** One member: byte offset, or for a bitfield its absolute bit offset and width. */
  record Member(String name, long bitOffset, int bits) {}

  private static final Pattern MEMBER =
      Pattern.compile(
          "^\\s*(?<decl>[^/]*?)\\s*;\\s*/\\*\\s*(?<off>0x[0-9a-f]+|\\d+)(?<bit>:\\s*(0x[0-9a-f]+|\\d+))?\\s+(0x[0-9a-f]+|\\d+)\\s*\\*/");

  private PaholeLayout() {}

  /** The members of every named top-level struct in {@code text}. */
  static Map<String, List<Member>> parse(String text) {
    Map<String, List<Member>> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("struct ") && line.endsWith(" {")) {
        String name = line.substring("struct ".length(), line.length() - 2).trim();
        List<Member> members = new ArrayList<>();
        i = block(lines, i + 1, true, members);
        out.putIfAbsent(name, members);
      }
    }
    return out;
  }

  /**
   * Reads members until the block's closing brace; returns the index of the closing line. Members
   * are kept when {@code keep} (the block is the struct itself or a chain of anonymous structs).
   */
  private static int block(String[] lines, int start, boolean keep, List<Member> out) {
    int i = start;
    while (i < lines.length) {
      String line = lines[i];
      String t = line.trim();
      if (t.startsWith("}")) {
        return i;
      }
      if (t.endsWith("{")) {
        List<Member> inner = new ArrayList<>();
        boolean struct = t.startsWith("struct");
        int close = block(lines, i + 1, true, inner);
        String closing = lines[close].trim();
        boolean anonymous = closing.startsWith("};") || closing.startsWith("} ;");
        if (anonymous && struct && keep) {
          out.addAll(inner);
        } else if (keep) {
          Member m = member(closing.substring(1));
          if (m != null) {
            out.add(m);
          }
        }
        i = close + 1;
        continue;
      }
      if (keep && !t.contains("(*")) {
        Member m = member(t);
        if (m != null) {
          out.add(m);
        }
      }
      i++;
    }
    return i;
  }

  private static Member member(String line) {
    Matcher m = MEMBER.matcher(line);
    if (!m.find()) {
      return null;
    }
    String decl = m.group("decl").trim();
    int bits = 0;
    int colon = decl.lastIndexOf(':');
    if (colon >= 0) {
      bits = Integer.parseInt(decl.substring(colon + 1).trim());
      decl = decl.substring(0, colon).trim();
    }
    int bracket = decl.indexOf('[');
    if (bracket >= 0) {
      decl = decl.substring(0, bracket);
    }
    String[] words = decl.trim().split("[\\s*]+");
    String name = words[words.length - 1];
    if (name.isEmpty() || decl.trim().equals(name)) {
      return null;
    }
    long off = Long.decode(m.group("off"));
    long bitOffset = off * 8;
    if (m.group("bit") != null) {
      bitOffset += Long.decode(m.group("bit").substring(1).trim());
    }
    return new Member(name, bitOffset, bits);
  }
}
