package io.github.core4j.btf;

/**
 * One decoded BTF type. Each kind is a record; switch over them with pattern matching. Type
 * references are type ids in the owning {@link Btf}; names are {@code ""} for anonymous types.
 */
public sealed interface BtfType
    permits BtfVoid,
        BtfInt,
        BtfPtr,
        BtfArray,
        BtfComposite,
        BtfEnum,
        BtfFwd,
        BtfTypedef,
        BtfQualifier,
        BtfFunc,
        BtfFuncProto,
        BtfVar,
        BtfDatasec,
        BtfFloat,
        BtfDeclTag,
        BtfEnum64,
        BtfUnknown {

  /** The kind of this type. */
  BtfKind kind();

  /** The type's name, {@code ""} when anonymous. */
  String name();

  /** Whether the type has no name. */
  default boolean isAnonymous() {
    return name().isEmpty();
  }
}
