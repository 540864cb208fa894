package io.github.core4j.skeleton;

/** Javadoc fragments shared by the writers. */
final class Docs {
  private Docs() {}

  /** {@code text} as Javadoc code, escaped so it cannot end the comment or start a tag. */
  static String code(String text) {
    return "{@code " + text.replace("*/", "*&#47;").replace("@", "&#64;") + "}";
  }

  /** "C type {@code __u32} (unsigned 32-bit)". */
  static String type(JType type) {
    String c = "C type " + code(type.cType());
    ScalarType scalar = MemberCode.scalarOf(type);
    if (type instanceof EnumType) {
      return c
          + ", held as its raw value (convert with "
          + code(((EnumType) type).enumClass().simpleName() + ".of")
          + ")";
    }
    if (scalar != null) {
      String order =
          type.cType().contains("__be")
              ? "; network byte order in memory, whatever the object's"
              : "";
      return c + " (" + scalar.describe() + order + ")";
    }
    if (type instanceof ArrayType && ((ArrayType) type).isCharArray()) {
      return c + " (a C string buffer)";
    }
    return c;
  }
}
