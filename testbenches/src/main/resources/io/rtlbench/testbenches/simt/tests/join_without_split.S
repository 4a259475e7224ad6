/* A JOIN with a non-zero token but an empty divergence stack (no matching SPLIT): the core must
   stop with a divergence stack error instead of running on with a garbage mask. */
#include "test.h"
TEST_BEGIN
    li x12, 1
    .insn r 0x0b, 3, 0, x0, x12, x0
    j fail
TEST_END
