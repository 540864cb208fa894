package io.github.core4j.elf.bpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfTestdata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 8-byte instruction slot: fields, both byte orders, and the enums over the opcode. */
class BpfInsnTest {
  static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

  @Test
  void littleEndianHasDstInTheLowNibble() {
    // r1 = *(u32 *)(r6 + 0x4), as llvm-objdump shows it for bpfel: 61 61 04 00 00 00 00 00
    byte[] bytes = {0x61, 0x61, 0x04, 0x00, 0, 0, 0, 0};
    BpfInsn insn = BpfInsn.decode(bytes, 0, LE);
    assertEquals(new BpfInsn(0x61, 1, 6, 4, 0), insn);
    assertArrayEquals(bytes, insn.toBytes(LE));
  }

  @Test
  void bigEndianHasDstInTheHighNibble() {
    // the same instruction for bpfeb: 61 16 00 04 00 00 00 00
    byte[] bytes = {0x61, 0x16, 0x00, 0x04, 0, 0, 0, 0};
    BpfInsn insn = BpfInsn.decode(bytes, 0, BE);
    assertEquals(new BpfInsn(0x61, 1, 6, 4, 0), insn);
    assertArrayEquals(bytes, insn.toBytes(BE));
  }

  @Test
  void negativeOffsetAndImmediate() {
    BpfInsn insn = new BpfInsn(0x07, 2, 0, -32768, -4);
    for (ByteOrder order : List.of(LE, BE)) {
      assertEquals(insn, BpfInsn.decode(insn.toBytes(order), 0, order));
    }
    assertArrayEquals(
        new byte[] {0x07, 0x02, 0x00, (byte) 0x80, (byte) 0xfc, -1, -1, -1}, insn.toBytes(LE));
  }

  @Test
  void ldImm64TakesTwoSlots() {
    BpfInsn[] pair = BpfInsn.ldImm64(0, 0, 0x123456789abcdef0L);
    assertTrue(pair[0].isLdImm64());
    assertEquals(0x123456789abcdef0L, pair[0].imm64(pair[1]));
    assertEquals("r0 = 0x123456789abcdef0 ll", BpfDisassembler.text(pair[0], pair[1]));
    assertEquals(2, BpfDisassembler.disassemble(pair[0], pair[1]).slots());
    BpfInsn[] map = BpfInsn.ldImm64(1, PseudoSource.MAP_VALUE, 7 | (16L << 32));
    assertEquals("ld_pseudo\tr1, 0x2, 0x7", BpfDisassembler.text(map[0], map[1]));
  }

  @Test
  void fieldRangesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new BpfInsn(256, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new BpfInsn(0, 16, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new BpfInsn(0, 0, 0, 40000, 0));
  }

  @Test
  void opcodeFieldsHaveTheKernelsValues() {
    BpfInsn sdiv = new BpfInsn(0x3f, 1, 2, 1, 0); // ALU64 | DIV | X, off 1
    assertEquals(InsnClass.ALU64, sdiv.insnClass());
    assertEquals(AluOp.DIV, sdiv.aluOp());
    assertEquals(Source.X, sdiv.source());
    assertEquals("r1 s/= r2", BpfDisassembler.text(sdiv, null));

    BpfInsn gotol = new BpfInsn(0x06, 0, 0, 0, 5); // JMP32 | JA
    assertEquals(InsnClass.JMP32, gotol.insnClass());
    assertEquals(JmpOp.JA, gotol.jmpOp());
    assertEquals("gotol +0x5", BpfDisassembler.text(gotol, null));

    BpfInsn ldsx = new BpfInsn(0x91, 1, 2, -1, 0); // LDX | MEMSX | B
    assertEquals(MemMode.MEMSX, ldsx.mode());
    assertEquals(MemSize.B, ldsx.size());
    assertEquals("r1 = *(s8 *)(r2 - 0x1)", BpfDisassembler.text(ldsx, null));

    BpfInsn cmpxchg = new BpfInsn(0xdb, 10, 2, -8, AtomicOp.CMPXCHG.value());
    assertEquals(MemMode.ATOMIC, cmpxchg.mode());
    assertEquals(AtomicOp.CMPXCHG, AtomicOp.of(cmpxchg.imm()));
    assertEquals("r0 = cmpxchg_64(r10 - 0x8, r0, r2)", BpfDisassembler.text(cmpxchg, null));

    BpfInsn kfunc = new BpfInsn(0x85, 0, PseudoSource.KFUNC_CALL, 0, 1234);
    assertTrue(kfunc.isKfuncCall());
    assertTrue(new BpfInsn(0x85, 0, PseudoSource.CALL, 0, -1).isPseudoCall());
    assertNull(AluOp.of(0xe7));
    assertNull(MemMode.of(0xa0));
  }

  static List<Path> objects() {
    return ElfTestdata.bpfObjects();
  }

  @ParameterizedTest
  @MethodSource("objects")
  void decodeThenEncodeGivesBackEveryCodeSection(Path obj) {
    ElfFile elf = ElfFile.open(obj);
    for (ElfSection s : elf.sections()) {
      if (!s.isExecutable() || s.size() == 0) {
        continue;
      }
      ByteBuffer data = elf.data(s);
      byte[] original = new byte[data.remaining()];
      data.get(original);
      assertArrayEquals(original, BpfCode.encode(BpfCode.decode(elf, s), elf.byteOrder()));
    }
  }
}
