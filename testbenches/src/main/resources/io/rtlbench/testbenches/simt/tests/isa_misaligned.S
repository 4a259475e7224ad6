/* Misaligned loads and stores, handled in hardware: inside a bus beat, across a 16-byte beat
   (global memory, offsets 13..15 and 29..31 of the data) and across a 4-byte word (shared memory).
   Byte i of mdat holds i, except bytes 16 (0x90) and 32 (0xa0), which make signed halfwords
   negative. Stores go to a per-warp slot (x18 global, x19 shared) so warps do not race. */
#include "test.h"
#define TEST_STW(n, ld, st, value, offset, base) li x12, value; st x12, offset(base); ld x14, offset(base); CHECK(n, x14, value)
TEST_BEGIN
    csrr x19, 0xCC1; slli x18, x19, 6; la x11, sdat; add x18, x18, x11
    slli x19, x19, 6; li x11, 0x70000100; add x19, x19, x11
    /* within a beat */
    TEST_LD(2, lw, 0x04030201, 1, mdat)
    TEST_LD(3, lw, 0x05040302, 2, mdat)
    TEST_LD(4, lw, 0x06050403, 3, mdat)
    TEST_LD(5, lh, 0x00000403, 3, mdat)
    /* across the first beat boundary (byte 16) */
    TEST_LD(6, lw, 0x900f0e0d, 13, mdat)
    TEST_LD(7, lw, 0x11900f0e, 14, mdat)
    TEST_LD(8, lw, 0x1211900f, 15, mdat)
    TEST_LD(9, lh, 0xffff900f, 15, mdat)
    TEST_LD(10, lhu, 0x0000900f, 15, mdat)
    /* across the second (byte 32): the issue's example, lh at 31 */
    TEST_LD(11, lh, 0xffffa01f, 31, mdat)
    TEST_LD(12, lhu, 0x0000a01f, 31, mdat)
    TEST_LD(13, lw, 0x2221a01f, 31, mdat)
    TEST_LD(14, lw, 0x21a01f1e, 30, mdat)
    TEST_LD(15, lw, 0xa01f1e1d, 29, mdat)
    /* stores across a beat, read back whole and by byte */
    TEST_STW(16, lw, sw, 0x44332211, 14, x18)
    lbu x14, 14(x18); CHECK(17, x14, 0x11)
    lbu x14, 15(x18); CHECK(18, x14, 0x22)
    lbu x14, 16(x18); CHECK(19, x14, 0x33)
    lbu x14, 17(x18); CHECK(20, x14, 0x44)
    TEST_STW(21, lh, sh, 0xffffbeef, 31, x18)
    li gp, 32; lw x14, 28(x18); li x7, 0xef000000; bne x14, x7, fail     /* bytes 28..30 untouched (0), 31 = ef */
    lbu x14, 32(x18); CHECK(22, x14, 0xbe)
    TEST_STW(23, lw, sw, 0x87654321, 47, x18)                               /* across the third beat */
    /* shared memory: across a word, every offset */
    TEST_STW(24, lw, sw, 0xcafef00d, 1, x19)
    TEST_STW(25, lw, sw, 0x12345678, 6, x19)
    TEST_STW(26, lw, sw, 0x9abcdef0, 11, x19)
    TEST_STW(27, lh, sh, 0xffff8765, 15, x19)
    lbu x14, 15(x19); CHECK(28, x14, 0x65)
    lbu x14, 16(x19); CHECK(29, x14, 0x87)
    li gp, 30; lw x14, 12(x19); li x7, 0x659abcde; bne x14, x7, fail         /* byte 15 replaced, 12..14 kept */
    li gp, 31; lw x14, 8(x19); li x7, 0xf0001234; bne x14, x7, fail         /* 8, 9 from the sw at 6, 11 from the one at 11 */
    /* leave shared memory zero */
    sw x0, 0(x19); sw x0, 4(x19); sw x0, 8(x19); sw x0, 12(x19); sw x0, 16(x19)
TEST_END

    .data
    .align 6
mdat: .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f
      .byte 0x90, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f
      .byte 0xa0, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f
    .align 6
sdat: .space 64 * 32
