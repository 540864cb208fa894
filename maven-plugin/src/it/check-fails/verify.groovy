// check failed the build naming program, relocation spec, kernel and source line, with no stack
// trace; the guarded program passed; both reports were written.
String log = new File(basedir, "build.log").text
assert log.contains("1 program would not load (CO-RE relocation)")
def failure = log.readLines().find { it.startsWith("[ERROR] program unguarded_read (core_missing.bpf.o) on kernel 6.1.0-50-amd64: relo #") }
assert failure != null : log
assert failure.contains("<byte_off> struct task_struct___core4j.core4j_cookie")
assert failure.contains("core_missing.bpf.c:67")
assert !log.contains("guarded_reads (core_missing")
assert !log.contains("\tat io.github.core4j")

File target = new File(basedir, "target/core4j")
assert new File(target, "compat.txt").text.contains("1 kernel × 2 programs: 1 OK, 1 FAIL")
def json = new File(target, "compat.json").readLines()
assert json.size() == 2
assert json.any { it.contains('"program": "unguarded_read", "ok": false') }
return true
