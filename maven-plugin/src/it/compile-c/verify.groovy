// clang compiled src/main/bpf/packet_count.bpf.c against the vmlinux.h core4j dumped, the skeleton
// compiled, and the jar holds the compiled object beside the class.
import java.nio.file.*
import java.util.jar.JarFile

Path target = basedir.toPath().resolve("target")
String log = new File(basedir, "build.log").text
assert log.contains("clang packet_count.bpf.c -> ")
assert log.contains("skeleton com.example.bpf.PacketCount <- ")
assert target.resolve("core4j/include/vmlinux.h").toFile().text.contains("struct xdp_md {")
byte[] object = Files.readAllBytes(target.resolve("core4j/obj/packet_count.bpf.o"))
assert object[0] == 0x7f && object[1] == ('E' as char) // an ELF file

def jar = new JarFile(target.resolve("compile-c-1.0.jar").toFile())
try {
  assert jar.getEntry("com/example/bpf/PacketCount.class") != null
  def entry = jar.getEntry("com/example/bpf/PacketCount.bpf.o")
  assert entry != null
  assert jar.getInputStream(entry).bytes == object
} finally {
  jar.close()
}
return true
