/* Bare-metal self-checking tests for the SIMT core (riscv-tests style). Every warp and thread runs
   the test (warp 0 spawns the others, each turns on all its threads). gp holds the test number; a
   failing check writes (n << 1) | 1 to tohost at once; at the end all warps meet at barrier 0 and
   warp 0 writes 1 (pass). Branches here are uniform across lanes: the core counts any that are not. */
#define TEST_BEGIN                                                   \
    .section .text.init; .globl _start; _start:                      \
    csrr t0, 0xCC1; bnez t0, 91f; csrr a0, 0xFC1; la a1, _start;     \
    .insn r 0x0b, 1, 0, x0, a0, a1;                                  \
91: li t0, -1; .insn r 0x0b, 0, 0, x0, t0, x0; li gp, 0;

#define TEST_END                                                     \
pass: csrr t0, 0xFC1; .insn r 0x0b, 4, 0, x0, x0, t0;                \
    csrr t0, 0xCC1; bnez t0, 92f; li t1, 1; la t2, tohost; sw t1, 0(t2); \
92: .insn r 0x0b, 0, 0, x0, x0, x0; 93: j 93b;                       \
fail: slli t1, gp, 1; ori t1, t1, 1; la t2, tohost; sw t1, 0(t2); 94: j 94b; \
    .section .tohost, "aw", @progbits; .align 6; .globl tohost; tohost: .word 0; .align 6; \
    .text

#define CHECK(n, reg, expected) li gp, n; li x7, expected; bne reg, x7, fail;
#define TEST_RR(n, inst, result, v1, v2) li x11, v1; li x12, v2; inst x14, x11, x12; CHECK(n, x14, result)
#define TEST_RR_SRC1_EQ_DEST(n, inst, result, v1, v2) li x11, v1; li x12, v2; inst x11, x11, x12; CHECK(n, x11, result)
#define TEST_RR_SRC2_EQ_DEST(n, inst, result, v1, v2) li x11, v1; li x12, v2; inst x12, x11, x12; CHECK(n, x12, result)
#define TEST_RR_ZERODEST(n, inst, v1, v2) li x11, v1; li x12, v2; inst x0, x11, x12; CHECK(n, x0, 0)
#define TEST_RR_ZEROSRC1(n, inst, result, v2) li x12, v2; inst x14, x0, x12; CHECK(n, x14, result)
#define TEST_RR_ZEROSRC2(n, inst, result, v1) li x11, v1; inst x14, x11, x0; CHECK(n, x14, result)
#define TEST_IMM(n, inst, result, v1, imm) li x11, v1; inst x14, x11, imm; CHECK(n, x14, result)
#define TEST_IMM_ZERODEST(n, inst, v1, imm) li x11, v1; inst x0, x11, imm; CHECK(n, x0, 0)
#define TEST_BR_TAKEN(n, inst, v1, v2) li gp, n; li x11, v1; li x12, v2; inst x11, x12, 81f; j fail; 81:
#define TEST_BR_NOT_TAKEN(n, inst, v1, v2) li gp, n; li x11, v1; li x12, v2; inst x11, x12, fail;
#define TEST_BR_BACK(n, inst, v1, v2) li gp, n; li x11, v1; li x12, v2; j 82f; 81: j 83f; 82: inst x11, x12, 81b; j fail; 83:
#define TEST_LD(n, inst, result, offset, base) la x11, base; inst x14, offset(x11); CHECK(n, x14, result)
#define TEST_ST(n, ld, st, value, offset, base) la x11, base; li x12, value; st x12, offset(x11); ld x14, offset(x11); CHECK(n, x14, value)
