#!/usr/bin/env python3
"""Byte-swap a raw BTF blob (little <-> big endian), field by field, independently of core4j.

Used by generate.sh to make big-endian copies of kernel BTF that bpftool then dumps as the oracle.
Usage: bswap_btf.py IN OUT
"""
import struct
import sys

KIND_INFO = {1: 4, 3: 12, 14: 4, 17: 4}                # singular data after btf_type (words)
KIND_ELEM = {4: 12, 5: 12, 6: 8, 13: 8, 15: 12, 19: 12}  # per-vlen element size


def main(src, dst):
    data = bytearray(open(src, "rb").read())
    magic = struct.unpack_from("<H", data, 0)[0]
    if magic == 0xEB9F:
        rd, wr = "<", ">"
    elif magic == 0x9FEB:
        rd, wr = ">", "<"
    else:
        sys.exit("not BTF")
    hdr_len = struct.unpack_from(rd + "I", data, 4)[0]
    out = bytearray(data)

    def swap32(off):
        struct.pack_into(wr + "I", out, off, struct.unpack_from(rd + "I", data, off)[0])

    struct.pack_into(wr + "H", out, 0, 0xEB9F)
    for off in range(4, hdr_len, 4):
        swap32(off)
    type_off, type_len, str_off, str_len = struct.unpack_from(rd + "4I", data, 8)
    pos = hdr_len + type_off
    end = pos + type_len
    while pos < end:
        info = struct.unpack_from(rd + "I", data, pos + 4)[0]
        kind = (info >> 24) & 0x7F
        vlen = info & 0xFFFFFF
        size = 12 + KIND_INFO.get(kind, 0) + vlen * KIND_ELEM.get(kind, 0)
        for off in range(pos, pos + size, 4):   # every field of every kind is a 32-bit word
            swap32(off)
        pos += size
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
