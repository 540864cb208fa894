#!/usr/bin/env python3
"""Independent oracle for BTF in Debian's signed arm64 kernel package.

Usage: arm64-btf-oracle.py linux-image-<abi>-arm64_<version>_arm64.deb OUT.btf

Unpacks /boot/vmlinuz-* with dpkg-deb and tar (an uncompressed arm64 Image with a PE stub and a
signature), finds the BTF header by scanning every byte offset for the magic and a consistent
header (version 1, hdr_len 24, type_off 0, str_off == type_len), and writes the BTF bytes to OUT.btf
for `bpftool btf dump file OUT.btf` (see generate-arm64-expected.sh).
"""
import struct
import subprocess
import sys
import tarfile
import io

deb, out = sys.argv[1], sys.argv[2]
tar_bytes = subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], check=True,
                           capture_output=True).stdout
with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as t:
    member = next(m for m in t.getmembers() if m.name.startswith("./boot/vmlinuz-"))
    image = t.extractfile(member).read()
assert image[0x38:0x3c] == b"ARM\x64", "not an arm64 Image"
at = image.find(b"\x9f\xeb\x01")
while at >= 0:
    hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from("<IIIII", image, at + 4)
    if hdr_len == 24 and type_off == 0 and str_off == type_len and str_len > 0 \
            and at + 24 + type_len + str_len <= len(image):
        with open(out, "wb") as f:
            f.write(image[at:at + 24 + type_len + str_len])
        print(f"{member.name}: BTF at offset {at}, {24 + type_len + str_len} bytes")
        break
    at = image.find(b"\x9f\xeb\x01", at + 1)
else:
    sys.exit("no BTF header found")
