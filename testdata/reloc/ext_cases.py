#!/usr/bin/env python3
"""Lists the CO-RE relocation records of a .BTF.ext as relo_calc cases.

usage: ext_cases.py OBJ.btf OBJ.btf.ext > CASES

One line per record, in .BTF.ext order: "SECTION#INDEX<TAB>TYPE_ID<TAB>KIND<TAB>off:ACCESS_STR_OFF".
Reads either byte order (the BTF's magic decides the BTF's, the .BTF.ext's magic its own).
"""
import struct
import sys


def order_of(data):
    return '<' if struct.unpack_from('<H', data, 0)[0] == 0xeb9f else '>'


def main():
    btf = open(sys.argv[1], 'rb').read()
    ext = open(sys.argv[2], 'rb').read()
    bo = order_of(btf)
    hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from(bo + 'IIIII', btf, 4)
    strs = btf[hdr_len + str_off: hdr_len + str_off + str_len]

    def name(off):
        return strs[off:strs.index(b'\0', off)].decode()

    eo = order_of(ext)
    hdr_len, = struct.unpack_from(eo + 'I', ext, 4)
    if hdr_len < 32:
        return
    core_off, core_len = struct.unpack_from(eo + 'II', ext, 24)
    pos = hdr_len + core_off
    end = pos + core_len
    rec_size, = struct.unpack_from(eo + 'I', ext, pos)
    pos += 4
    while pos < end:
        sec_off, num = struct.unpack_from(eo + 'II', ext, pos)
        pos += 8
        for i in range(num):
            insn_off, type_id, access_off, kind = struct.unpack_from(eo + 'IIII', ext, pos)
            print('%s#%d\t%d\t%d\toff:%d' % (name(sec_off), i, type_id, kind, access_off))
            pos += rec_size


main()
