// generate made a skeleton from the prebuilt object, the build compiled it, the jar holds the
// class and, beside it, the object it loads; check passed on the testdata kernel.
import java.nio.file.*
import java.util.jar.JarFile

Path target = basedir.toPath().resolve("target")
String log = new File(basedir, "build.log").text
assert log.contains("skeleton com.example.bpf.XdpFilter <- ")
assert Files.isRegularFile(target.resolve("generated-sources/core4j/com/example/bpf/XdpFilter.java"))

def jar = new JarFile(target.resolve("prebuilt-object-1.0.jar").toFile())
try {
  assert jar.getEntry("com/example/bpf/XdpFilter.class") != null
  assert jar.getEntry("com/example/App.class") != null
  def entry = jar.getEntry("com/example/bpf/XdpFilter.bpf.o")
  assert entry != null
  byte[] packaged = jar.getInputStream(entry).bytes
  assert packaged == Files.readAllBytes(Paths.get(testdata, "bpf/out/xdp_filter.bpfel.o"))
} finally {
  jar.close()
}

String compat = target.resolve("core4j/compat.txt").toFile().text
assert compat.contains("1 kernel × 1 program: 1 OK, 0 FAIL")
assert target.resolve("core4j/compat.json").toFile().text.contains('"program": "xdp_filter", "ok": true')
return true
