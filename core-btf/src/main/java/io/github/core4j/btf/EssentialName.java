package io.github.core4j.btf;

/**
 * CO-RE "essential" names: {@code task_struct___old} and {@code task_struct} both have the
 * essential name {@code task_struct}. The flavor separator is the last {@code X___Y} where neither
 * X nor Y is an underscore, exactly as libbpf finds it.
 */
public final class EssentialName {
  private EssentialName() {}

  /** Length of the essential part of {@code name}. */
  public static int length(String name) {
    int n = name.length();
    for (int i = n - 5; i >= 0; i--) {
      if (name.charAt(i) != '_'
          && name.charAt(i + 1) == '_'
          && name.charAt(i + 2) == '_'
          && name.charAt(i + 3) == '_'
          && name.charAt(i + 4) != '_') {
        return i + 1;
      }
    }
    return n;
  }

  /** The essential part of {@code name}. */
  public static String of(String name) {
    int len = length(name);
    return len == name.length() ? name : name.substring(0, len);
  }
}
