// A setup mistake is one line that says what to configure, without a stack trace.
String log = new File(basedir, "build.log").text
assert log.contains("core4j:generate needs <packageName> (the Java package of the generated skeletons)")
assert !log.contains("\tat io.github.core4j")
assert !log.contains("\tat org.apache.maven")
return true
