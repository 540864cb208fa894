#!/usr/bin/env python3
"""Turns relo_oracle's libbpf log for one object and one target BTF into expected results.

usage: parse_log.py OBJ.btf OBJ.btf.ext LOG > EXPECTED

Output, tab-separated, one line per relocation libbpf processed (in its order), each followed by
one line per candidate libbpf tried for it:

  relo  SECTION  INDEX  PROGRAM  SEC_INSN  INSN  KIND  LOCAL_SPEC  TARGET_SPEC  OUTCOME  OLD  NEW  DETAIL
  cand  SECTION  INDEX  CANDIDATE#  matching|non-matching  SPEC

INDEX is libbpf's "relo #N" (the record's index within its section of .BTF.ext), SEC_INSN the
instruction index within the ELF section (insn_off / 8 from .BTF.ext), INSN the index within the
program as libbpf logs it. TARGET_SPEC is the first matching candidate's spec, or "-".
OUTCOME is "patched" (OLD/NEW are the instruction's value before and after, DETAIL the patched
form alu|ldx|ldimm64 and a mem_sz change if any), "poisoned" (DETAIL "memsz" when the patcher, not
the calculation, poisoned it) or "error" (DETAIL: libbpf's warnings and the errno).
"""
import re
import struct
import sys


def read_strings(btf):
    magic, = struct.unpack_from('<H', btf, 0)
    if magic != 0xeb9f:
        raise SystemExit('expected little-endian BTF')
    hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from('<IIIII', btf, 4)
    strs = btf[hdr_len + str_off: hdr_len + str_off + str_len]
    return lambda off: strs[off:strs.index(b'\0', off)].decode()


def core_relo_insns(ext, name_of):
    """{section name: [insn_off / 8 of record 0, 1, ...]}"""
    magic, version, flags, hdr_len = struct.unpack_from('<HBBI', ext, 0)
    if hdr_len < 32:
        return {}
    core_off, core_len = struct.unpack_from('<II', ext, 24)
    pos = hdr_len + core_off
    end = pos + core_len
    rec_size, = struct.unpack_from('<I', ext, pos)
    pos += 4
    result = {}
    while pos < end:
        name_off, num = struct.unpack_from('<II', ext, pos)
        pos += 8
        result[name_of(name_off)] = [struct.unpack_from('<I', ext, pos + i * rec_size)[0] // 8
                                     for i in range(num)]
        pos += num * rec_size
    return result


def main():
    btf = open(sys.argv[1], 'rb').read()
    ext = open(sys.argv[2], 'rb').read()
    insns = core_relo_insns(ext, read_strings(btf))
    relos = []  # dicts, in log order
    by_key = {}
    section = None
    for line in open(sys.argv[3]):
        line = line.rstrip('\n')
        m = re.match(r"sec '(.*)': found \d+ CO-RE relocations", line)
        if m:
            section = m[1]
            continue
        m = re.match(r"prog '(.*?)': relo #(\d+): (.*)", line)
        if not m:
            m2 = re.match(r"prog '(.*?)': (relo \d+ at insn #\d+ .*)", line)
            if m2 and relos:
                relos[-1]['warn'].append(m2[2])
            continue
        prog, idx, rest = m[1], int(m[2]), m[3]
        key = (section, idx)
        r = by_key.get(key)
        if r is None:
            r = dict(section=section, idx=idx, prog=prog, insn='-', kind='-', local=rest,
                     target='-', outcome='patched', old='-', new='-', detail=[], warn=[],
                     cands=[])
            k = re.match(r'<(\w+)> ', rest)
            r['kind'] = k[1] if k else '-'
            by_key[key] = r
            relos.append(r)
            continue
        m = re.match(r'(non-matching|matching) candidate #(\d+) (.*)', rest)
        if m:
            r['cands'].append((int(m[2]), m[1], m[3]))
            if m[1] == 'matching' and r['target'] == '-':
                r['target'] = m[3]
            continue
        if rest == 'no matching targets found':
            continue
        m = re.match(r'patched insn #(\d+) \((ALU/ALU64|LDX/ST/STX|LDIMM64)\) (imm|off|imm64|mem_sz) (\d+) -> (\d+)', rest)
        if m:
            form = {'ALU/ALU64': 'alu', 'LDX/ST/STX': 'ldx', 'LDIMM64': 'ldimm64'}[m[2]]
            if m[3] == 'mem_sz':
                r['detail'].append('mem_sz %s->%s' % (m[4], m[5]))
            else:
                r['insn'], r['old'], r['new'] = int(m[1]), m[4], m[5]
                r['detail'].append(form)
            continue
        m = re.match(r'substituting insn #(\d+) w/ invalid insn', rest)
        if m:
            r['outcome'] = 'poisoned'
            r['insn'] = int(m[1]) if r['insn'] == '-' else min(r['insn'], int(m[1]))
            continue
        m = re.match(r'failed to relocate: (-?\d+)', rest)
        if m:
            r['outcome'] = 'error'
            r['detail'] = r['warn'] + ['errno ' + m[1]]
            continue
        if 'accesses field incorrectly' in rest:
            r['detail'].append('memsz')
            continue
        # other warnings (ambiguity, parse failures, ...) explain a later error
        r['warn'].append(rest)

    print('# kind\tsection\tindex\tprogram\tsec_insn\tinsn\tkind\tlocal\ttarget\toutcome\told\tnew\tdetail')
    for r in relos:
        sec_insn = insns.get(r['section'], [])
        sec_insn = sec_insn[r['idx']] if r['idx'] < len(sec_insn) else '-'
        print('\t'.join(str(x) for x in (
            'relo', r['section'], r['idx'], r['prog'], sec_insn, r['insn'], r['kind'], r['local'],
            r['target'], r['outcome'], r['old'], r['new'], ' | '.join(r['detail']) or '-')))
        for n, how, spec in r['cands']:
            print('\t'.join(str(x) for x in ('cand', r['section'], r['idx'], n, how, spec)))


main()
