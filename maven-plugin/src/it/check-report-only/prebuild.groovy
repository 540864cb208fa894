// core_missing reads a field no kernel has, once behind a guard (fine) and once without (fails).
import java.nio.file.*
Path bpf = basedir.toPath().resolve("src/main/bpf")
Files.createDirectories(bpf)
Files.copy(Paths.get(testdata, "bpf/out/core_missing.bpfel.o"), bpf.resolve("core_missing.bpf.o"),
    StandardCopyOption.REPLACE_EXISTING)
return true
