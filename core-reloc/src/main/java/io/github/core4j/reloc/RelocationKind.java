package io.github.core4j.reloc;

/**
 * The CO-RE relocation kinds ({@code enum bpf_core_relo_kind}), with the kernel's numbers and the
 * short names libbpf prints ({@code <byte_off>}, {@code <type_size>}, ...). Each kind belongs to
 * one {@link Family}, which decides how its access string is read and how its value is computed.
 */
public enum RelocationKind {
  /** Byte offset of a field: {@code BPF_CORE_READ}, {@code bpf_core_field_offset}. */
  FIELD_BYTE_OFFSET(0, "byte_off", Family.FIELD),
  /** Byte size of a field: {@code bpf_core_field_size}. */
  FIELD_BYTE_SIZE(1, "byte_sz", Family.FIELD),
  /** 1 if the field exists in the target, else 0: {@code bpf_core_field_exists}. */
  FIELD_EXISTS(2, "field_exists", Family.FIELD),
  /** 1 if the field is signed: {@code BPF_CORE_READ_BITFIELD}. */
  FIELD_SIGNED(3, "signed", Family.FIELD),
  /** Left shift that brings a bitfield to the top of a u64. */
  FIELD_LSHIFT_U64(4, "lshift_u64", Family.FIELD),
  /** Right shift that brings the bitfield back down. */
  FIELD_RSHIFT_U64(5, "rshift_u64", Family.FIELD),
  /** The type's id in the object's own BTF: {@code bpf_core_type_id_local}. */
  TYPE_ID_LOCAL(6, "local_type_id", Family.TYPE),
  /** The type's id in the target BTF: {@code bpf_core_type_id_kernel}. */
  TYPE_ID_TARGET(7, "target_type_id", Family.TYPE),
  /** 1 if a compatible type exists in the target: {@code bpf_core_type_exists}. */
  TYPE_EXISTS(8, "type_exists", Family.TYPE),
  /** The type's size in the target: {@code bpf_core_type_size}. */
  TYPE_SIZE(9, "type_size", Family.TYPE),
  /** 1 if the enumerator exists in the target: {@code bpf_core_enum_value_exists}. */
  ENUMVAL_EXISTS(10, "enumval_exists", Family.ENUMVAL),
  /** The enumerator's value in the target: {@code bpf_core_enum_value}. */
  ENUMVAL_VALUE(11, "enumval_value", Family.ENUMVAL),
  /**
   * 1 if a type that "matches" (stricter than compatible) exists: {@code bpf_core_type_matches}.
   */
  TYPE_MATCHES(12, "type_matches", Family.TYPE),
  /** A kind number neither core4j nor libbpf knows; such a relocation always fails. */
  UNKNOWN(-1, "unknown", Family.NONE);

  /** How a kind reads its access string and computes its value. */
  public enum Family {
    /** Field relocations: the access string walks from a type through members and indices. */
    FIELD,
    /** Type relocations: the access string is always {@code "0"}. */
    TYPE,
    /** Enumerator relocations: the access string is the enumerator's index. */
    ENUMVAL,
    /** Unknown kinds. */
    NONE
  }

  private static final RelocationKind[] BY_VALUE = new RelocationKind[13];

  static {
    for (RelocationKind k : values()) {
      if (k.value >= 0) {
        BY_VALUE[k.value] = k;
      }
    }
  }

  private final int value;
  private final String shortName;
  private final Family family;

  RelocationKind(int value, String shortName, Family family) {
    this.value = value;
    this.shortName = shortName;
    this.family = family;
  }

  /** The kernel's {@code BPF_CORE_*} number; -1 for {@link #UNKNOWN}. */
  public int value() {
    return value;
  }

  /** libbpf's name for the kind, as in {@code <byte_off>}. */
  public String shortName() {
    return shortName;
  }

  /** The family the kind belongs to. */
  public Family family() {
    return family;
  }

  /** Whether this is a field relocation ({@code byte_off} .. {@code rshift_u64}). */
  public boolean isFieldBased() {
    return family == Family.FIELD;
  }

  /** Whether this is a type relocation (type ids, exists, size, matches). */
  public boolean isTypeBased() {
    return family == Family.TYPE;
  }

  /** Whether this is an enumerator relocation. */
  public boolean isEnumValueBased() {
    return family == Family.ENUMVAL;
  }

  /** The kind numbered {@code value}, or {@link #UNKNOWN}. */
  public static RelocationKind ofValue(int value) {
    return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : UNKNOWN;
  }

  /** The kind libbpf names {@code shortName}, or {@link #UNKNOWN}. */
  public static RelocationKind ofShortName(String shortName) {
    for (RelocationKind k : values()) {
      if (k.shortName.equals(shortName)) {
        return k;
      }
    }
    return UNKNOWN;
  }
}
