/* RV32M: all multiplies (low/high, signed/unsigned mixes) and divides with the corner cases:
   division by zero, INT_MIN / -1 overflow, signs of quotient and remainder. */
#include "test.h"
TEST_BEGIN
    TEST_RR(2, mul, 0x00000000, 0x00000000, 0x00000000)
    TEST_RR(3, mul, 0x00000001, 0x00000001, 0x00000001)
    TEST_RR(4, mul, 0x00000015, 0x00000003, 0x00000007)
    TEST_RR(5, mul, 0x00000000, 0x00000000, 0xffff8000)
    TEST_RR(6, mul, 0x00000000, 0x80000000, 0x00000002)       /* overflow wraps */
    TEST_RR(7, mul, 0x00000001, 0xffffffff, 0xffffffff)
    TEST_RR(8, mul, 0x80000000, 0x80000000, 0xffffffff)
    TEST_RR(9, mulh, 0x00000000, 0x00000003, 0x00000007)
    TEST_RR(10, mulh, 0xffffffff, 0xffffffff, 0x00000001)
    TEST_RR(11, mulh, 0x00000000, 0xffffffff, 0xffffffff)
    TEST_RR(12, mulh, 0x40000000, 0x80000000, 0x80000000)
    TEST_RR(13, mulh, 0xc0000000, 0x80000000, 0x7fffffff)
    TEST_RR(14, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff)
    TEST_RR(15, mulhu, 0x40000000, 0x80000000, 0x80000000)
    TEST_RR(16, mulhu, 0x00000000, 0x00000003, 0x00000007)
    TEST_RR(17, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)   /* -1 * (2^32-1) */
    TEST_RR(18, mulhsu, 0xc0000000, 0x80000000, 0x80000000)
    TEST_RR(19, mulhsu, 0x00000000, 0x00000001, 0xffffffff)
    TEST_RR(20, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff)
    TEST_RR_ZEROSRC1(21, mul, 0, 12345)
    TEST_RR_ZERODEST(22, mul, 7, 9)
    TEST_RR(23, div, 3, 20, 6)
    TEST_RR(24, div, -3, -20, 6)                                /* truncates toward zero */
    TEST_RR(25, div, -3, 20, -6)
    TEST_RR(26, div, 3, -20, -6)
    TEST_RR(27, div, 0x80000000, 0x80000000, -1)                /* overflow: INT_MIN */
    TEST_RR(28, div, -1, 0x80000000, 0)                         /* by zero: all ones */
    TEST_RR(29, div, -1, 0, 0)
    TEST_RR(30, divu, 3, 20, 6)
    TEST_RR(31, divu, 715827879, -20, 6)
    TEST_RR(32, divu, 0, 20, -6)
    TEST_RR(33, divu, 0xffffffff, 0x80000000, 0)                /* by zero: all ones */
    TEST_RR(34, divu, 0, 0x80000000, -1)
    TEST_RR(35, rem, 2, 20, 6)
    TEST_RR(36, rem, -2, -20, 6)                                /* sign of the dividend */
    TEST_RR(37, rem, 2, 20, -6)
    TEST_RR(38, rem, -2, -20, -6)
    TEST_RR(39, rem, 0, 0x80000000, -1)                         /* overflow: 0 */
    TEST_RR(40, rem, 0x80000000, 0x80000000, 0)                 /* by zero: the dividend */
    TEST_RR(41, rem, -7, -7, 0)
    TEST_RR(42, remu, 2, 20, 6)
    TEST_RR(43, remu, 2, -20, 6)
    TEST_RR(44, remu, 20, 20, -6)
    TEST_RR(45, remu, 0x80000000, 0x80000000, 0)                /* by zero: the dividend */
    TEST_RR(46, remu, 0x7fffffff, 0x7fffffff, 0x80000000)
    TEST_RR_SRC1_EQ_DEST(47, div, 4, 17, 4)
    TEST_RR_SRC2_EQ_DEST(48, remu, 1, 17, 4)
TEST_END
