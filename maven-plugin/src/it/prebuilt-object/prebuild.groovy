// The project ships a prebuilt object only (no C, so no clang needed): the testdata's xdp_filter.
import java.nio.file.*
Path bpf = basedir.toPath().resolve("src/main/bpf")
Files.createDirectories(bpf)
Files.copy(Paths.get(testdata, "bpf/out/xdp_filter.bpfel.o"), bpf.resolve("xdp_filter.bpf.o"),
    StandardCopyOption.REPLACE_EXISTING)
return true
