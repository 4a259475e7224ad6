/* Loads and stores of every width, sign and zero extension, offsets both ways, x0 as source and
   destination, store-to-load ordering. Data lives off-chip (global memory) and in shared memory. */
#include "test.h"
/* stores go to a per-warp slot (x18 = sdat + 64 * warp, x19 = shared slot) so warps do not race */
#define TEST_STW(n, ld, st, value, offset) li x12, value; st x12, offset(x18); ld x14, offset(x18); CHECK(n, x14, value)
TEST_BEGIN
    csrr x19, 0xCC1; slli x18, x19, 6; la x11, sdat; add x18, x18, x11
    slli x19, x19, 4; li x11, 0x70000100; add x19, x19, x11
    TEST_LD(2, lb, 0xffffffff, 0, tdat)
    TEST_LD(3, lb, 0x00000000, 1, tdat)
    TEST_LD(4, lb, 0xfffffff0, 2, tdat)
    TEST_LD(5, lb, 0x0000000f, 3, tdat)
    TEST_LD(6, lbu, 0x000000ff, 0, tdat)
    TEST_LD(7, lbu, 0x000000f0, 2, tdat)
    TEST_LD(8, lh, 0x000000ff, 0, tdat)
    TEST_LD(9, lh, 0x00000ff0, 2, tdat)
    TEST_LD(10, lh, 0xfffff00f, 6, tdat)
    TEST_LD(11, lhu, 0x00000ff0, 2, tdat)
    TEST_LD(12, lhu, 0x0000f00f, 6, tdat)
    TEST_LD(13, lw, 0x0ff000ff, 0, tdat)
    TEST_LD(14, lw, 0xf00ff00f, 12, tdat)
    TEST_LD(15, lw, 0x0ff00ff0, -4, tdat4)                 /* negative offset */
    TEST_LD(16, lb, 0x0000000f, -1, tdat4)
    TEST_LD(17, lw, 0x00ff00ff, 16, tdat)                  /* next beat */
    TEST_STW(18, lw, sw, 0xaabbccdd, 0)
    TEST_STW(19, lw, sw, 0x7fffffff, 4)
    TEST_STW(20, lb, sb, 0xffffffaa, 8)
    TEST_STW(21, lbu, sb, 0x000000aa, 9)
    TEST_STW(22, lh, sh, 0xffffbeef, 10)
    TEST_STW(23, lhu, sh, 0x0000beef, 12)
    addi x18, x18, 32; TEST_STW(24, lw, sw, 0x12345678, -4); addi x18, x18, -32
    /* byte stores only touch their byte */
    mv x11, x18; li x12, 0x11223344; sw x12, 16(x11); li x12, 0xee; sb x12, 17(x11)
    lw x14, 16(x11); CHECK(25, x14, 0x1122ee44)
    li x12, 0x5566; sh x12, 18(x11); lw x14, 16(x11); CHECK(26, x14, 0x5566ee44)
    /* x0: store x0 writes zero, load into x0 is discarded */
    mv x11, x18; sw x0, 20(x11); lw x14, 20(x11); CHECK(27, x14, 0)
    lw x0, 0(x11); CHECK(28, x0, 0)
    /* load-use and back-to-back dependent loads (scoreboard) */
    la x11, ptrs; lw x12, 0(x11); lw x13, 0(x12); addi x14, x13, 1; CHECK(29, x14, 0x0ff00ff1)
    /* shared memory: all widths */
    mv x11, x19; li x12, 0xcafef00d; sw x12, 0(x11); lw x14, 0(x11); CHECK(30, x14, 0xcafef00d)
    lb x14, 3(x11); CHECK(31, x14, 0xffffffca)
    lbu x14, 3(x11); CHECK(32, x14, 0x000000ca)
    lh x14, 2(x11); CHECK(33, x14, 0xffffcafe)
    lhu x14, 0(x11); CHECK(34, x14, 0x0000f00d)
    li x12, 0x12; sb x12, 1(x11); lw x14, 0(x11); CHECK(35, x14, 0xcafe120d)
    li x12, 0x3456; sh x12, 2(x11); lw x14, 0(x11); CHECK(36, x14, 0x3456120d)
    lw x14, 12(x11); CHECK(37, x14, 0)                      /* shared memory starts at zero... */
    sw x0, 0(x11)                                           /* ...and is left that way */
TEST_END

    .data
    .align 4
tdat: .word 0x0ff000ff, 0xf00fff00, 0x0ff00ff0
tdat4: .word 0xf00ff00f, 0x00ff00ff
ptrs: .word tdat4 - 4
    .align 4
    .word 0
sdat: .space 64 * 32
