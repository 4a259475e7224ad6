/* SIMT instructions: TMC, SPLIT/JOIN (if/else, nested, uniform), PRED loops with per-lane trip
   counts, BAR across all warps, the thread-mask CSR. Checks are written so that every lane takes
   the same branch when the hardware is right (x10 = lane id, x9 = full mask). */
#include "test.h"
#define SPLIT(rd, rs) .insn r 0x0b, 2, 0, rd, rs, x0
#define JOIN(rs) .insn r 0x0b, 3, 0, x0, rs, x0
#define PRED(rs, rm) .insn r 0x0b, 5, 0, x0, rs, rm
#define TMC(rs) .insn r 0x0b, 0, 0, x0, rs, x0
#define BAR(id, n) .insn r 0x0b, 4, 0, x0, id, n
TEST_BEGIN
    csrr x10, 0xCC0; csrr x9, 0xCC4
    /* TMC: only lane 0, then all lanes again */
    li x11, 1; TMC(x11); csrr x14, 0xCC4; CHECK(2, x14, 1)
    TMC(x9); csrr x14, 0xCC4; li gp, 3; bne x14, x9, fail
    /* if/else on lane parity: odd lanes 100, even lanes 200, then reconverge */
    andi x11, x10, 1; li x20, 0
    SPLIT(x12, x11)
    beqz x11, 70f
    li x20, 100; j 71f
70: li x20, 200
71: JOIN(x12)
    csrr x14, 0xCC4; li gp, 4; bne x14, x9, fail
    andi x15, x10, 1; li x16, 100; mul x15, x15, x16; li x16, 200; sub x15, x16, x15
    li gp, 5; bne x20, x15, fail
    /* nested: outer on bit 0, inner on bit 1 -> x20 = 1 + 2*bit0 + 4*bit1 computed by branches */
    li x20, 1; andi x11, x10, 1; andi x13, x10, 2
    SPLIT(x12, x11)
    beqz x11, 72f
    addi x20, x20, 2
    SPLIT(x17, x13)
    beqz x13, 73f
    addi x20, x20, 4
73: JOIN(x17)
    j 74f
72: SPLIT(x17, x13)
    beqz x13, 75f
    addi x20, x20, 4
75: JOIN(x17)
74: JOIN(x12)
    csrr x14, 0xCC4; li gp, 6; bne x14, x9, fail
    andi x15, x10, 3; slli x15, x15, 1; addi x15, x15, 1; li gp, 7; bne x20, x15, fail
    /* uniform split: no divergence, token 0, join is a no-op */
    li x11, 1; SPLIT(x12, x11); CHECK(8, x12, 0)
    JOIN(x12); csrr x14, 0xCC4; li gp, 9; bne x14, x9, fail
    /* PRED loop: lane l iterates l + 1 times */
    li x15, 0; li x16, 0
76: sltu x17, x10, x15; xori x17, x17, 1       /* i <= lane */
    PRED(x17, x9)
    beqz x17, 77f
    addi x16, x16, 1; addi x15, x15, 1; j 76b
77: csrr x14, 0xCC4; li gp, 10; bne x14, x9, fail
    addi x15, x10, 1; li gp, 11; bne x16, x15, fail
    /* barrier: each warp sets its flag in shared memory; after BAR every flag is set */
    csrr x11, 0xCC1; csrr x12, 0xFC1; li x13, 0x70000200; slli x14, x11, 2; add x14, x14, x13
    li x15, 1; sw x15, 0(x14)
    li x16, 1; BAR(x16, x12)
    li x15, 0; li x16, 0
78: slli x14, x16, 2; add x14, x14, x13; lw x17, 0(x14); add x15, x15, x17; addi x16, x16, 1; bne x16, x12, 78b
    li gp, 12; bne x15, x12, fail
TEST_END
