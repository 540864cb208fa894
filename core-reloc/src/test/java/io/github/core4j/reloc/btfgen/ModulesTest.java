package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.ext.BtfExtInfo;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.reloc.RelocationKind;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Targets with kernel modules (split BTF on vmlinux), beyond bpftool: candidates are searched in
 * vmlinux and then in the modules, as libbpf does on a running kernel; the minimized BTF is one
 * standalone BTF holding what is needed of vmlinux and of each module (module types that refer to
 * vmlinux types refer to their kept copies), and relocating against it decides as relocating
 * against vmlinux plus the modules does.
 */
class ModulesTest {
  @Test
  void handBuiltModulesFromTheRelocTestdata() throws IOException {
    Path dir = Fixtures.testdata().resolve("reloc/handmade/modules");
    Btf vmlinux = BtfFiles.read(dir.resolve("vmlinux.btf"));
    Targets targets = Targets.of(vmlinux);
    for (String line : Files.readAllLines(dir.resolve("modules.tsv"))) {
      String[] f = line.split("\t", -1);
      targets = targets.withModule(TargetBtf.of(f[0], BtfFiles.read(dir.resolve(f[1]), vmlinux)));
    }
    List<CoreRelo> relos = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("cases.tsv"))) {
      if (!line.startsWith("#")) {
        String[] f = line.split("\t", -1);
        relos.add(
            new CoreRelo(
                8 * relos.size(),
                Integer.parseInt(f[1]),
                f[3].substring("str:".length()),
                Integer.parseInt(f[2])));
      }
    }
    ObjectBtf obj =
        ObjectBtf.of(
            "handmade/modules",
            BtfFiles.read(dir.resolve("local.btf")),
            new BtfExtInfo<>(16, List.of(new BtfExtSection<>("handmade", relos))));

    MinimizedBtf min = Btfgen.minimize(targets, List.of(obj));

    RelocatesLikeFullBtfTest.assertSameDecisions(obj, targets, min);
    assertEquals(
        Set.of("vmlinux", "mod_a", "mod_b"),
        sources(min),
        "kept types come from vmlinux and both modules: " + min);
    assertEquals(1, min.failures().size(), "only_in_modules.x is ambiguous between the modules");
  }

  @Test
  void aRealModuleTypeThatEmbedsVmlinuxTypes() {
    Btf vmlinux = Fixtures.kernel("6.1.0-50-amd64").btf();
    Btf nfTables =
        BtfFiles.read(
            Fixtures.testdata().resolve("btf/modules/6.1.0-50-amd64/nf_tables.btf.xz"), vmlinux);
    Targets targets = Targets.of(vmlinux).withModule(TargetBtf.of("nf_tables", nfTables));

    // struct nft_chain { u32 use; struct list_head list; } in the object: nft_chain lives in the
    // module, list_head in vmlinux
    BtfBuilder b = new BtfBuilder();
    int u32 = b.add(new BtfInt("unsigned int", 4, 0, 0, 32));
    int listHead = b.nextId();
    b.add(new BtfStruct("list_head", 8, false, List.of(new BtfMember("next", listHead + 1, 0, 0))));
    b.add(new BtfPtr("", listHead));
    int chain =
        b.add(
            new BtfStruct(
                "nft_chain",
                16,
                false,
                List.of(new BtfMember("use", u32, 0, 0), new BtfMember("list", listHead, 64, 0))));
    List<CoreRelo> relos =
        List.of(
            new CoreRelo(0, chain, "0:0", RelocationKind.FIELD_BYTE_OFFSET.value()),
            new CoreRelo(8, chain, "0:1:0", RelocationKind.FIELD_BYTE_OFFSET.value()),
            new CoreRelo(16, chain, "0", RelocationKind.TYPE_SIZE.value()));
    ObjectBtf obj =
        ObjectBtf.of(
            "nft_chain.o",
            b.build(),
            new BtfExtInfo<>(16, List.of(new BtfExtSection<>("kprobe", relos))));

    MinimizedBtf min = Btfgen.minimize(targets, List.of(obj));

    RelocatesLikeFullBtfTest.assertSameDecisions(obj, targets, min);
    assertTrue(min.failures().isEmpty(), min.failures().toString());
    assertEquals(Set.of("vmlinux", "nf_tables"), sources(min));
    List<String> types = TypeSummary.of(min.btf());
    assertTrue(
        types.contains(
            "struct nft_chain (120) { list@256 struct list_head, use@640 typedef u32, }"),
        "nft_chain keeps 'list' and 'use' at their offsets, in its full size: " + types);
    assertTrue(
        types.contains("struct list_head (16) { next@0 struct list_head *, }"),
        "the vmlinux type it embeds is kept with the member read through it: " + types);
  }

  private static Set<String> sources(MinimizedBtf min) {
    Set<String> s = new TreeSet<>();
    for (int id = 1; id < min.typeCount(); id++) {
      s.add(min.originalSource(id));
    }
    return s;
  }
}
