/* Never finishes: warp 0 spins, the other warps wait at a barrier that never completes. Used to
   check that the cycle limit reports every warp's PC and mask. */
#include "test.h"
TEST_BEGIN
    csrr t0, 0xCC1; bnez t0, 70f
69: j 69b
70: li t1, 2; li t2, 99; .insn r 0x0b, 4, 0, x0, t1, t2
    j fail
TEST_END
