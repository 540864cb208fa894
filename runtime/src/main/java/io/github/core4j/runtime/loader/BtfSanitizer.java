package io.github.core4j.runtime.loader;

/**
 * Rewrites BTF kinds an older kernel rejects into kinds it accepts, as libbpf's {@code
 * bpf_object__sanitize_btf} does: {@code VAR} and {@code DECL_TAG} become a 1-byte {@code INT},
 * {@code DATASEC} a {@code STRUCT} of its variables, {@code FUNC_PROTO} an {@code ENUM}, {@code
 * FUNC} a {@code TYPEDEF} (or static), {@code FLOAT} an empty {@code STRUCT}, {@code TYPE_TAG} a
 * {@code CONST}, {@code ENUM64} a {@code UNION} of 1-byte placeholders (and signed enums lose their
 * flag). Sizes of every record stay the same, so ids do not move.
 */
final class BtfSanitizer {
  private BtfSanitizer() {}

  static void sanitize(RawBtf btf, KernelBtfFeatures has) {
    int enum64Placeholder = 0;
    int count = btf.typeCount();
    for (int id = 1; id < count; id++) {
      int kind = btf.kind(id);
      int vlen = btf.vlen(id);
      if ((!has.datasec() && kind == RawBtf.KIND_VAR)
          || (!has.declTag() && kind == RawBtf.KIND_DECL_TAG)) {
        btf.setInfo(id, RawBtf.KIND_INT, false, 0);
        btf.setSizeOrType(id, 1);
        btf.setExtra(id, 8);
      } else if (!has.datasec() && kind == RawBtf.KIND_DATASEC) {
        btf.setNameOffset(id, btf.addString(btf.name(id).replace('.', '_')));
        btf.setInfo(id, RawBtf.KIND_STRUCT, false, vlen);
        for (int i = 0; i < vlen; i++) {
          int type = btf.member(id, i, 0);
          int offset = btf.member(id, i, 1);
          btf.setMember(id, i, 0, btf.nameOffset(type));
          btf.setMember(id, i, 1, type);
          btf.setMember(id, i, 2, offset * 8);
        }
      } else if (!has.func() && kind == RawBtf.KIND_FUNC_PROTO) {
        btf.setInfo(id, RawBtf.KIND_ENUM, false, vlen);
        btf.setSizeOrType(id, 4);
      } else if (!has.func() && kind == RawBtf.KIND_FUNC) {
        btf.setInfo(id, RawBtf.KIND_TYPEDEF, false, 0);
      } else if (!has.funcGlobal() && kind == RawBtf.KIND_FUNC) {
        btf.setInfo(id, RawBtf.KIND_FUNC, false, ObjectBtfFixups.FUNC_STATIC);
      } else if (!has.floats() && kind == RawBtf.KIND_FLOAT) {
        btf.setNameOffset(id, 0);
        btf.setInfo(id, RawBtf.KIND_STRUCT, false, 0);
      } else if (!has.typeTag() && kind == RawBtf.KIND_TYPE_TAG) {
        btf.setNameOffset(id, 0);
        btf.setInfo(id, RawBtf.KIND_CONST, false, 0);
      } else if (!has.enum64() && kind == RawBtf.KIND_ENUM) {
        btf.setInfo(id, RawBtf.KIND_ENUM, false, vlen);
      } else if (!has.enum64() && kind == RawBtf.KIND_ENUM64) {
        if (enum64Placeholder == 0) {
          enum64Placeholder =
              btf.addType(
                  btf.addString("enum64_placeholder"),
                  RawBtf.info(RawBtf.KIND_INT, false, 0),
                  1,
                  8);
        }
        btf.setInfo(id, RawBtf.KIND_UNION, false, vlen);
        for (int i = 0; i < vlen; i++) {
          btf.setMember(id, i, 1, enum64Placeholder);
          btf.setMember(id, i, 2, 0);
        }
      }
    }
  }
}
