/* System instructions: CSR read/write/set/clear (register and immediate forms) on the plain
   machine CSRs, unknown CSRs read 0 and ignore writes, ecall/ebreak/illegal instructions trap to
   mtvec with mcause 11/3/2 and mepc, mret returns, fence/wfi are no-ops (fence.i: see fence_i.S), cycle/instret count up, SIMT CSRs. */
#include "test.h"
TEST_BEGIN
    li x12, 0x12345678; csrw mscratch, x12; csrr x14, mscratch; CHECK(2, x14, 0x12345678)
    li x12, 0x0000ff00; csrrs x13, mscratch, x12; CHECK(3, x13, 0x12345678)
    csrr x14, mscratch; CHECK(4, x14, 0x1234ff78)
    li x12, 0x000000f0; csrrc x13, mscratch, x12; csrr x14, mscratch; CHECK(5, x14, 0x1234ff08)
    csrrwi x13, mscratch, 0x1f; CHECK(6, x13, 0x1234ff08)
    csrr x14, mscratch; CHECK(7, x14, 0x1f)
    csrrsi x13, mscratch, 0x20 >> 1; csrr x14, mscratch; CHECK(8, x14, 0x1f)
    csrrci x13, mscratch, 0x3; csrr x14, mscratch; CHECK(9, x14, 0x1c)
    csrrs x13, mscratch, x0; CHECK(10, x13, 0x1c)               /* csrr: no write */
    li x12, 0xdeadbeef; csrw 0x7c0, x12; csrr x14, 0x7c0; CHECK(11, x14, 0)   /* unknown CSR */
    csrw mstatus, x12; csrr x14, mstatus; CHECK(12, x14, 0xdeadbeef)
    csrw mie, x12; csrr x14, mie; CHECK(13, x14, 0xdeadbeef)
    csrw mip, x0; csrr x14, mip; CHECK(14, x14, 0)
    /* ecall -> handler at mtvec, mcause 11, mepc = the ecall (the handler adds 4 and returns) */
    la x12, handler; csrw mtvec, x12; li x20, 0
    li gp, 15
70: ecall
    li x7, 1; bne x20, x7, fail
    csrr x14, mcause; CHECK(16, x14, 11)
    csrr x14, mepc; la x15, 70b + 4; li gp, 17; bne x14, x15, fail
71: ebreak
    csrr x14, mcause; CHECK(18, x14, 3)
    li x7, 2; li gp, 19; bne x20, x7, fail
    csrr x14, mepc; la x15, 71b + 4; li gp, 20; bne x14, x15, fail
    fence; .word 0x0000100f; wfi      /* fence.i */
    /* an illegal instruction traps with mcause 2 */
72: .word 0xffffffff
    csrr x14, mcause; CHECK(30, x14, 2)
    li x7, 3; li gp, 31; bne x20, x7, fail
    csrr x14, mepc; la x15, 72b + 4; li gp, 32; bne x14, x15, fail
    /* counters move forward */
    rdcycle x12; rdinstret x13; nop; nop; rdcycle x14; rdinstret x15
    li gp, 21; bgeu x12, x14, fail
    li gp, 22; bgeu x13, x15, fail
    csrr x12, mcycle; li gp, 23; beqz x12, fail
    rdcycleh x12; CHECK(24, x12, 0)
    /* SIMT CSRs: warps/threads are those of the configuration; the mask is full here */
    csrr x12, 0xFC0; csrr x13, 0xFC1; li gp, 25; beqz x12, fail; beqz x13, fail
    csrr x14, 0xCC4; li x7, 1; sll x7, x7, x12; addi x7, x7, -1; li gp, 26; bne x14, x7, fail
    csrr x14, 0xCC1; li gp, 27; bgeu x14, x13, fail
    csrr x14, mhartid; csrr x15, 0xCC1; mul x15, x15, x12; csrr x16, 0xCC0; add x15, x15, x16
    li gp, 29; bne x14, x15, fail
TEST_END

handler:
    addi x20, x20, 1
    csrr x21, mepc; addi x21, x21, 4; csrw mepc, x21
    mret
