/* fence.i: code stored through data memory runs after fence.i. Warp 0 rewrites the instruction at
   `patch` (li x14, 1) three times, a whole word (li x14, 2), one byte of its immediate (li x14, 5)
   and a halfword (li x14, 7), and calls it after each; the other warps wait at the final barrier.
   fence.i is written as .word 0x0000100f (binutils wants the zifencei extension for the mnemonic). */
#include "test.h"
TEST_BEGIN
    csrr t0, 0xCC1; bnez t0, pass
    jal x1, patch; CHECK(2, x14, 1)
    la x11, patch
    li x12, 0x00200713; sw x12, 0(x11); .word 0x0000100f  /* fence.i; addi x14, x0, 2 above */
    jal x1, patch; CHECK(3, x14, 2)
    li x12, 0x50; sb x12, 2(x11); .word 0x0000100f  /* fence.i; immediate 2 -> 5 */
    jal x1, patch; CHECK(4, x14, 5)
    li x12, 0x0070; sh x12, 2(x11); .word 0x0000100f      /* fence.i; immediate -> 7 */
    jal x1, patch; CHECK(5, x14, 7)
    j pass
patch: li x14, 1
    ret
TEST_END
