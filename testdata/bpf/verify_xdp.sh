#!/usr/bin/env bash
# verify_xdp.sh - load xdp_filter and port_knock into the running kernel and
# check their verdicts with BPF_PROG_TEST_RUN (bpftool prog run) on crafted
# packets. Packets only go through test_run; nothing is sent on any network.
#
# Needs root, bpftool and python3. Uses the committed objects in out/ unless
# OUT_DIR is set. SKIP_SLOW=1 skips the knock timeout check (it sleeps 6 s).
# Exit status 0 when every check passes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${OUT_DIR:-$HERE/out}"
XDP_DROP=1
XDP_PASS=2

# no dots in the path: libbpf turns "." into "_" in map pin paths
WORK="$(mktemp -d /tmp/core4j_verify_xdp_XXXXXX)"
PIN="$WORK/bpffs"
mkdir -p "$PIN" "$WORK/pkt"
cleanup() {
	rm -rf "$PIN"/xdp_filter* "$PIN"/port_knock* 2>/dev/null || true
	umount "$PIN" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
mount -t bpf bpf "$PIN"

# ---------------------------------------------------------------- packets
python3 - "$WORK/pkt" <<'PY'
import ipaddress, os, struct, sys

out = sys.argv[1]
SRC_MAC = bytes.fromhex("020000000001")
DST_MAC = bytes.fromhex("020000000002")

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def l4(proto, sport, dport, flags):
    if proto == "udp":
        return 17, struct.pack("!HHHH", sport, dport, 8 + 4, 0) + b"knok"
    if proto == "tcp":
        return 6, struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, flags, 65535, 0, 0)
    if proto == "icmp":
        return 1, struct.pack("!BBHHH", 8, 0, 0, 1, 1) + b"ping"
    if proto == "icmp6":
        return 58, struct.pack("!BBHHH", 128, 0, 0, 1, 1) + b"ping"
    raise ValueError(proto)

def eth(ethertype, payload, vlan=None):
    hdr = DST_MAC + SRC_MAC
    if vlan is not None:
        hdr += struct.pack("!HH", 0x8100, vlan)
    return hdr + struct.pack("!H", ethertype) + payload

def ipv4(src, dst, proto, sport=40000, dport=80, flags=0x02, vlan=None):
    num, body = l4(proto, sport, dport, flags)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(body), 1, 0, 64, num, 0,
                     ipaddress.IPv4Address(src).packed, ipaddress.IPv4Address(dst).packed)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return eth(0x0800, ip + body, vlan)

def ipv6(src, dst, proto, sport=40000, dport=80, flags=0x02):
    num, body = l4(proto, sport, dport, flags)
    ip = struct.pack("!IHBB16s16s", 6 << 28, len(body), num, 64,
                     ipaddress.IPv6Address(src).packed, ipaddress.IPv6Address(dst).packed)
    return eth(0x86DD, ip + body)

P = {
    # xdp_filter
    "v4_blocked_any":   ipv4("10.0.0.1", "10.0.0.100", "tcp", dport=80),
    "v4_blocked_udp":   ipv4("10.0.0.1", "10.0.0.100", "udp", dport=53),
    "v4_allowed":       ipv4("10.0.0.3", "10.0.0.100", "tcp", dport=80),
    "v4_port22_block":  ipv4("10.0.0.2", "10.0.0.100", "tcp", dport=22),
    "v4_port80_pass":   ipv4("10.0.0.2", "10.0.0.100", "tcp", dport=80),
    "v4_vlan_blocked":  ipv4("10.0.0.1", "10.0.0.100", "udp", dport=53, vlan=42),
    "v4_icmp":          ipv4("10.0.0.9", "10.0.0.100", "icmp"),
    "v6_blocked":       ipv6("2001:db8::1", "2001:db8::100", "udp", dport=53),
    "v6_allowed":       ipv6("2001:db8::2", "2001:db8::100", "udp", dport=53),
    "arp":              eth(0x0806, bytes(28)),
    "v4_truncated":     eth(0x0800, bytes.fromhex("4500")),
    # port_knock (TCP flags: 0x02 SYN, 0x10 ACK)
    "a_ssh_syn":        ipv4("192.0.2.10", "192.0.2.1", "tcp", dport=2222),
    "a_knock1_udp":     ipv4("192.0.2.10", "192.0.2.1", "udp", dport=7000),
    "a_knock2_udp":     ipv4("192.0.2.10", "192.0.2.1", "udp", dport=8000),
    "a_knock3_syn":     ipv4("192.0.2.10", "192.0.2.1", "tcp", dport=9000),
    "a_ssh_ack":        ipv4("192.0.2.10", "192.0.2.1", "tcp", dport=2222, flags=0x10),
    "b_ssh_syn":        ipv4("192.0.2.11", "192.0.2.1", "tcp", dport=2222),
    "b_dns":            ipv4("192.0.2.11", "192.0.2.1", "udp", dport=53),
    "c_knock2_udp":     ipv4("192.0.2.12", "192.0.2.1", "udp", dport=8000),
    "c_knock1_udp":     ipv4("192.0.2.12", "192.0.2.1", "udp", dport=7000),
    "c_knock3_udp":     ipv4("192.0.2.12", "192.0.2.1", "udp", dport=9000),
    "c_ssh_syn":        ipv4("192.0.2.12", "192.0.2.1", "tcp", dport=2222),
    "d_knock1_syn":     ipv4("192.0.2.13", "192.0.2.1", "tcp", dport=7000),
    "d_knock2_ack":     ipv4("192.0.2.13", "192.0.2.1", "tcp", dport=8000, flags=0x10),
    "d_knock3_syn":     ipv4("192.0.2.13", "192.0.2.1", "tcp", dport=9000),
    "d_ssh_syn":        ipv4("192.0.2.13", "192.0.2.1", "tcp", dport=2222),
    "e6_knock1":        ipv6("2001:db8::e", "2001:db8::1", "udp", dport=7000),
    "e6_knock2":        ipv6("2001:db8::e", "2001:db8::1", "udp", dport=8000),
    "e6_knock3":        ipv6("2001:db8::e", "2001:db8::1", "udp", dport=9000),
    "e6_ssh_syn":       ipv6("2001:db8::e", "2001:db8::1", "tcp", dport=2222),
    "f6_ssh_syn":       ipv6("2001:db8::f", "2001:db8::1", "tcp", dport=2222),
    "g_knock1_udp":     ipv4("192.0.2.14", "192.0.2.1", "udp", dport=7000),
    "g_knock2_udp":     ipv4("192.0.2.14", "192.0.2.1", "udp", dport=8000),
    "g_knock3_udp":     ipv4("192.0.2.14", "192.0.2.1", "udp", dport=9000),
    "g_ssh_syn":        ipv4("192.0.2.14", "192.0.2.1", "tcp", dport=2222),
}
for name, data in P.items():
    with open(os.path.join(out, name + ".bin"), "wb") as f:
        f.write(data)
PY

FAILS=0
PASSES=0

# run <pinned prog> <packet> <expected verdict> <description>
run() {
	local prog="$1" pkt="$2" want="$3" what="$4" got
	got="$(bpftool -j prog run pinned "$prog" data_in "$WORK/pkt/$pkt.bin" repeat 1 |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["retval"])')"
	if [ "$got" = "$want" ]; then
		PASSES=$((PASSES + 1))
		echo "ok   $(basename "$prog") $pkt -> $got ($what)"
	else
		FAILS=$((FAILS + 1))
		echo "FAIL $(basename "$prog") $pkt -> $got, want $want ($what)"
	fi
}

# expect_eq <got> <want> <description>
expect_eq() {
	if [ "$1" = "$2" ]; then
		PASSES=$((PASSES + 1)); echo "ok   $3 = $1"
	else
		FAILS=$((FAILS + 1)); echo "FAIL $3 = $1, want $2"
	fi
}

# ------------------------------------------------------------- xdp_filter
F="$PIN/xdp_filter"
bpftool prog load "$OUT_DIR/xdp_filter.bpfel.o" "$F" type xdp pinmaps "$PIN/xdp_filter_maps"
M="$PIN/xdp_filter_maps"
# v4 key: saddr(4, network order) dport(2, network order) pad(2); value: rule id (u32, host order)
bpftool map update pinned "$M/blocklist_v4" key hex 0a 00 00 01 00 00 00 00 value 1 0 0 0   # 10.0.0.1, any port -> rule 1
bpftool map update pinned "$M/blocklist_v4" key hex 0a 00 00 02 00 16 00 00 value 2 0 0 0   # 10.0.0.2, port 22 -> rule 2
# v6 key: saddr(16) dport(2) pad(2)
bpftool map update pinned "$M/blocklist_v6" key hex 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00 value 3 0 0 0

run "$F" v4_blocked_any  $XDP_DROP "IPv4 source on block-list, any port"
run "$F" v4_blocked_udp  $XDP_DROP "same source, UDP"
run "$F" v4_allowed      $XDP_PASS "IPv4 source not listed"
run "$F" v4_port22_block $XDP_DROP "source listed for port 22"
run "$F" v4_port80_pass  $XDP_PASS "same source, other port"
run "$F" v4_vlan_blocked $XDP_DROP "802.1Q tagged, blocked source"
run "$F" v4_icmp         $XDP_PASS "ICMP with drop_icmp=false"
run "$F" v6_blocked      $XDP_DROP "IPv6 source on block-list"
run "$F" v6_allowed      $XDP_PASS "IPv6 source not listed"
run "$F" arp             $XDP_PASS "non-IP frame"
run "$F" v4_truncated    $XDP_PASS "truncated IPv4 header"

# drop_counters is per-CPU: sum the packet counts of each rule over all CPUs
count() {
	bpftool -j map lookup pinned "$M/drop_counters" key "$1" 0 0 0 | python3 -c '
import json, sys
v = json.load(sys.stdin)
print(sum(c["value"]["packets"] for c in v["formatted"]["values"]))'
}
expect_eq "$(count 1)" 3 "drop_counters[1].packets"
expect_eq "$(count 2)" 1 "drop_counters[2].packets"
expect_eq "$(count 3)" 1 "drop_counters[3].packets"

# ------------------------------------------------------------- port_knock
K="$PIN/port_knock"
bpftool prog load "$OUT_DIR/port_knock.bpfel.o" "$K" type xdp pinmaps "$PIN/port_knock_maps"

run "$K" a_ssh_syn    $XDP_DROP "protected port closed before knocking"
run "$K" a_knock1_udp $XDP_DROP "knock 7000 (swallowed)"
run "$K" a_knock2_udp $XDP_DROP "knock 8000 (swallowed)"
run "$K" a_ssh_syn    $XDP_DROP "still closed after two of three knocks"
run "$K" a_knock1_udp $XDP_DROP "restart: knock 7000"
run "$K" a_knock2_udp $XDP_DROP "knock 8000"
run "$K" a_knock3_syn $XDP_DROP "knock 9000 as TCP SYN opens the port"
run "$K" a_ssh_syn    $XDP_PASS "protected port open for the knocking source"
run "$K" a_ssh_ack    $XDP_PASS "established traffic keeps passing"
run "$K" b_ssh_syn    $XDP_DROP "other source still blocked"
run "$K" b_dns        $XDP_PASS "unrelated traffic passes"
run "$K" c_knock2_udp $XDP_DROP "wrong order: 8000 first"
run "$K" c_knock1_udp $XDP_DROP "wrong order: 7000"
run "$K" c_knock3_udp $XDP_DROP "wrong order: 9000 (expected 8000)"
run "$K" c_ssh_syn    $XDP_DROP "wrong knock order keeps the port closed"
run "$K" d_knock1_syn $XDP_DROP "knock 7000 as TCP SYN"
run "$K" d_knock2_ack $XDP_DROP "ACK to a knock port is dropped, not a knock"
run "$K" d_knock3_syn $XDP_DROP "9000 while 8000 expected"
run "$K" d_ssh_syn    $XDP_DROP "non-SYN knock does not count"
run "$K" e6_knock1    $XDP_DROP "IPv6 knock 7000"
run "$K" e6_knock2    $XDP_DROP "IPv6 knock 8000"
run "$K" e6_knock3    $XDP_DROP "IPv6 knock 9000"
run "$K" e6_ssh_syn   $XDP_PASS "IPv6 source opened the port"
run "$K" f6_ssh_syn   $XDP_DROP "other IPv6 source blocked"
if [ "${SKIP_SLOW:-0}" != 1 ]; then
	# knock_gap_ns is 5 s: a pause of 6 s between knocks restarts the sequence
	run "$K" g_knock1_udp $XDP_DROP "knock 7000"
	run "$K" g_knock2_udp $XDP_DROP "knock 8000"
	sleep 6
	run "$K" g_knock3_udp $XDP_DROP "knock 9000 after the gap timeout"
	run "$K" g_ssh_syn    $XDP_DROP "too slow: the port stays closed"
fi

# the .bss counters of port_knock (struct knock_stats)
bss() {
	bpftool -j map dump pinned "$PIN/port_knock_maps/port_kno_bss" | python3 -c '
import json, sys
print(json.load(sys.stdin)[0]["formatted"]["value"][".bss"][0]["stats"]["'"$1"'"])'
}
expect_eq "$(bss opened)" 2 "port_knock stats.opened"

echo "verify_xdp: $PASSES passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
