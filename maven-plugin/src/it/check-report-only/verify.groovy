// With failOnError=false the same failure is reported, the reports are written, and the build goes on.
String log = new File(basedir, "build.log").text
assert log.contains("BUILD SUCCESS")
assert log.contains("[ERROR] program unguarded_read (core_missing.bpf.o) on kernel 6.1.0-50-amd64: relo #")
assert log.contains("[WARNING] failOnError is false: the build goes on")
assert new File(basedir, "target/core4j/compat.txt").text.contains("1 kernel × 2 programs: 1 OK, 1 FAIL")
return true
