/* Start-up of C kernels: warp 0 spawns the other warps at _start, every warp turns on all its
   threads, each thread gets a 260-byte stack at the top of shared memory (by its hart id: on-chip,
   one cycle for a whole warp, instead of one uncoalesced off-chip beat per thread for every spill)
   and calls main(); when main returns the warp stops (TMC 0). The program ends when every warp
   has stopped. The stack stride is 65 words, odd, so that the lanes' stacks do not collide in one of
   the 32 shared-memory banks (4-byte aligned only: nothing here needs 16). Shared memory below
   W*T*260 bytes from its top is free for the kernel. */
    .section .text.init
    .globl _start
_start:
    csrr t0, 0xCC1              /* warp id */
    bnez t0, 1f
    csrr a0, 0xFC1              /* number of warps */
    la a1, _start
    .insn r 0x0b, 1, 0, x0, a0, a1   /* WSPAWN */
1:  li t0, -1
    .insn r 0x0b, 0, 0, x0, t0, x0   /* TMC: all threads */
    csrr t1, mhartid
    csrr t2, 0xFC3              /* shared-memory bytes */
    li sp, 0x70000000
    add sp, sp, t2
    slli t0, t1, 8              /* 260 bytes (65 words) apart: stacks start in different banks */
    slli t1, t1, 2
    add t1, t1, t0
    sub sp, sp, t1
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    call main
    .insn r 0x0b, 0, 0, x0, x0, x0   /* TMC 0: this warp is done */
2:  j 2b

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .word 0
    .align 6
