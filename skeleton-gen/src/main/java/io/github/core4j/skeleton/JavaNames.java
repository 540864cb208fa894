package io.github.core4j.skeleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Java names from C names: {@code drop_icmp} → {@code dropIcmp} for members and methods, {@code
 * v4_rule_key} → {@code V4RuleKey} for types. Java keywords get a trailing underscore.
 */
final class JavaNames {
  private JavaNames() {}

  /** {@code drop_icmp} → {@code dropIcmp}; {@code MAX_LEN} → {@code maxLen}. */
  static String lowerCamel(String cName) {
    String upper = upperCamel(cName);
    if (upper.isEmpty()) {
      return "value";
    }
    int n = 1;
    // lower the leading run of capitals of an acronym (URLPath -> urlPath), not the next word
    while (n < upper.length()
        && Character.isUpperCase(upper.charAt(n))
        && (n + 1 == upper.length() || Character.isUpperCase(upper.charAt(n + 1)))) {
      n++;
    }
    String name = upper.substring(0, n).toLowerCase(Locale.ROOT) + upper.substring(n);
    return escape(name);
  }

  /** {@code v4_rule_key} → {@code V4RuleKey}; {@code xdp_filter.bpf.o} → {@code XdpFilter}. */
  static String upperCamel(String cName) {
    StringBuilder out = new StringBuilder();
    for (String part : words(cName)) {
      boolean allUpper = part.equals(part.toUpperCase(Locale.ROOT));
      out.append(Character.toUpperCase(part.charAt(0)));
      String rest = part.substring(1);
      out.append(allUpper ? rest.toLowerCase(Locale.ROOT) : rest);
    }
    if (out.length() > 0 && Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return escape(out.toString());
  }

  /** A C enumerator as a Java enum constant: kept as written when it is a valid identifier. */
  static String constant(String cName) {
    String name = cName.replaceAll("[^A-Za-z0-9_$]", "_");
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      name = "_" + name;
    }
    return escape(name);
  }

  /** {@code name} with a trailing underscore when it is a Java keyword or literal. */
  static String escape(String name) {
    return SourceVersion.isKeyword(name) || name.equals("_") ? name + "_" : name;
  }

  private static List<String> words(String cName) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= cName.length(); i++) {
      char c = i < cName.length() ? cName.charAt(i) : '_';
      if (c < 128 && Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    return out;
  }
}
