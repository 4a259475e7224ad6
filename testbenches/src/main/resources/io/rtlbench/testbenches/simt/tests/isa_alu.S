/* RV32I integer ALU, LUI/AUIPC, jumps and branches, including x0 and overflow edge cases. */
#include "test.h"
TEST_BEGIN
    TEST_RR(2, add, 0x00000000, 0x00000000, 0x00000000)
    TEST_RR(3, add, 0x0000000a, 0x00000003, 0x00000007)
    TEST_RR(4, add, 0x80000000, 0x7fffffff, 0x00000001)      /* signed overflow wraps */
    TEST_RR(5, add, 0x00000000, 0xffffffff, 0x00000001)
    TEST_RR(6, add, 0xfffe0000, 0xffff0000, 0xffff0000)
    TEST_RR_SRC1_EQ_DEST(7, add, 24, 13, 11)
    TEST_RR_SRC2_EQ_DEST(8, add, 25, 14, 11)
    TEST_RR_ZERODEST(9, add, 16, 30)
    TEST_RR_ZEROSRC1(10, add, 15, 15)
    TEST_RR_ZEROSRC2(11, add, 32, 32)
    TEST_RR(12, sub, 0x00000000, 0x00000003, 0x00000003)
    TEST_RR(13, sub, 0xfffffffc, 0x00000003, 0x00000007)
    TEST_RR(14, sub, 0x7fffffff, 0x80000000, 0x00000001)     /* signed overflow wraps */
    TEST_RR(15, sub, 0x00000001, 0x80000000, 0x7fffffff)
    TEST_RR_ZEROSRC1(16, sub, 0xfffffff1, 15)
    TEST_RR(17, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
    TEST_RR(18, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
    TEST_RR(19, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
    TEST_RR(20, sll, 0x80000000, 0x00000001, 31)
    TEST_RR(21, sll, 0x42424242, 0x21212121, 0xffffffe1)     /* only 5 bits of the amount count */
    TEST_RR(22, srl, 0x00000001, 0x80000000, 31)
    TEST_RR(23, srl, 0x7fffffff, 0xffffffff, 0xffffffe1)
    TEST_RR(24, sra, 0xffffffff, 0x80000000, 31)
    TEST_RR(25, sra, 0xc0000000, 0x80000000, 0xffffffe1)
    TEST_RR(26, sra, 0x3fffffff, 0x7fffffff, 1)
    TEST_RR(27, slt, 1, 0x80000000, 0x7fffffff)               /* signed: INT_MIN < INT_MAX */
    TEST_RR(28, slt, 0, 0x7fffffff, 0x80000000)
    TEST_RR(29, slt, 0, 5, 5)
    TEST_RR(30, sltu, 0, 0x80000000, 0x7fffffff)              /* unsigned: opposite */
    TEST_RR(31, sltu, 1, 0x7fffffff, 0x80000000)
    TEST_RR(32, sltu, 1, 0, 0xffffffff)
    TEST_RR_ZEROSRC1(33, sltu, 1, 1)                          /* snez idiom */
    TEST_IMM(34, addi, 0x00000000, 0x00000000, 0)
    TEST_IMM(35, addi, 0x80000000, 0x7fffffff, 1)
    TEST_IMM(36, addi, 0xfffff800, 0x00000000, -2048)
    TEST_IMM(37, addi, 0x000007ff, 0x00000000, 2047)
    TEST_IMM(38, addi, 0x7ffff7ff, 0x7fffffff, -2048)
    TEST_IMM_ZERODEST(39, addi, 33, 50)
    TEST_IMM(40, slti, 1, 0xffffffff, 0)
    TEST_IMM(41, slti, 0, 0x00000000, -1)
    TEST_IMM(42, sltiu, 1, 0x00000000, -1)                    /* imm sign-extends, then compares unsigned */
    TEST_IMM(43, sltiu, 0, 0xffffffff, 1)
    TEST_IMM(44, xori, 0xff00f00f, 0x00ff0f00, -241)
    TEST_IMM(45, ori, 0xffffff0f, 0xff00ff00, -241)
    TEST_IMM(46, andi, 0x0000000f, 0x00ff000f, 0x70f)
    TEST_IMM(47, andi, 0xff00ff00, 0xff00ff00, -1)
    TEST_IMM(48, slli, 0x80000000, 0x00000001, 31)
    TEST_IMM(49, slli, 0x42424242, 0x21212121, 1)
    TEST_IMM(50, srli, 0x00000001, 0x80000000, 31)
    TEST_IMM(51, srli, 0x10909090, 0x21212121, 1)
    TEST_IMM(52, srai, 0xffffffff, 0x80000000, 31)
    TEST_IMM(53, srai, 0xff000000, 0x80000000, 7)
    TEST_IMM(54, srai, 0x00000000, 0x7fffffff, 31)
    /* LUI / AUIPC */
    lui x14, 0xfffff; CHECK(55, x14, 0xfffff000)
    lui x14, 0x80000; CHECK(56, x14, 0x80000000)
    lui x0, 0x12345; CHECK(57, x0, 0)
70: auipc x14, 0; la x15, 70b; li gp, 58; bne x14, x15, fail
71: auipc x14, 0x1; la x15, 71b; li x7, 0x1000; add x15, x15, x7; li gp, 59; bne x14, x15, fail
    /* JAL / JALR: link register, targets, x0 link, jalr clears bit 0 */
    li gp, 60; jal x1, 72f; j fail
72: la x15, 72b - 4; bne x1, x15, fail
    li gp, 61; la x13, 73f; jalr x5, 0(x13); j fail
73: la x15, 73b - 4; bne x5, x15, fail
    li gp, 62; la x13, 74f + 1; jalr x0, -1(x13); j fail
74: li gp, 63; la x13, 75f; jalr x0, 1(x13); j fail           /* target + 1: bit 0 ignored */
75: li gp, 64; jal x0, 76f; j fail
76: /* branches, both directions, signed vs unsigned */
    TEST_BR_TAKEN(65, beq, 5, 5)
    TEST_BR_NOT_TAKEN(66, beq, 5, 6)
    TEST_BR_TAKEN(67, bne, 0, 1)
    TEST_BR_NOT_TAKEN(68, bne, -1, -1)
    TEST_BR_TAKEN(69, blt, -1, 1)
    TEST_BR_NOT_TAKEN(70, blt, 1, -1)
    TEST_BR_NOT_TAKEN(71, blt, 3, 3)
    TEST_BR_TAKEN(72, bge, 3, 3)
    TEST_BR_TAKEN(73, bge, 1, -1)
    TEST_BR_NOT_TAKEN(74, bge, 0x80000000, 0x7fffffff)
    TEST_BR_TAKEN(75, bltu, 1, -1)
    TEST_BR_NOT_TAKEN(76, bltu, -1, 1)
    TEST_BR_TAKEN(77, bgeu, -1, 1)
    TEST_BR_TAKEN(78, bgeu, 0, 0)
    TEST_BR_NOT_TAKEN(79, bgeu, 0x7fffffff, 0x80000000)
    TEST_BR_BACK(80, beq, 7, 7)
    TEST_BR_BACK(81, bne, 7, 8)
    TEST_BR_BACK(82, blt, -8, 7)
    TEST_BR_BACK(83, bgeu, -8, 7)
    TEST_BR_BACK(84, bltu, 7, -8)
    TEST_BR_BACK(85, bge, 7, -8)
    /* a counted loop */
    li gp, 86; li x11, 0; li x12, 10
77: addi x11, x11, 3; addi x12, x12, -1; bnez x12, 77b
    li x7, 30; bne x11, x7, fail
TEST_END
