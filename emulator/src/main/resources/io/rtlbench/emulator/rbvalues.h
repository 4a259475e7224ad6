// rtlbench harness helpers: moving port and memory values between Verilator's storage types
// (CData/SData/IData/QData, or VlWide arrays of 32-bit EData words) and the API's little-endian
// 64-bit words, masking inputs to their width. Included by harness.cpp inside its namespace.
#ifndef RBVALUES_H
#define RBVALUES_H

inline uint64_t top_mask(int width) {
    int rem = width % 64;
    return rem == 0 ? ~0ULL : ((1ULL << rem) - 1);
}
inline int words64(int width) { return (width + 63) / 64; }

void store(void* p, int bytes, int words32, const uint64_t* src, uint64_t mask, int width) {
    switch (bytes) {
        case 1: *static_cast<CData*>(p) = static_cast<CData>(src[0] & mask); return;
        case 2: *static_cast<SData*>(p) = static_cast<SData>(src[0] & mask); return;
        case 4: *static_cast<IData*>(p) = static_cast<IData>(src[0] & mask); return;
        case 8: *static_cast<QData*>(p) = static_cast<QData>(src[0] & mask); return;
        default: {
            EData* e = static_cast<EData*>(p);
            int n64 = words64(width);
            for (int i = 0; i < words32; i++) {
                uint64_t w = src[i / 2];
                if (i / 2 == n64 - 1) w &= mask;
                e[i] = static_cast<EData>((i & 1) ? (w >> 32) : w);
            }
        }
    }
}

void load(const void* p, int bytes, int words32, uint64_t* dst, int width) {
    switch (bytes) {
        case 1: dst[0] = *static_cast<const CData*>(p); return;
        case 2: dst[0] = *static_cast<const SData*>(p); return;
        case 4: dst[0] = *static_cast<const IData*>(p); return;
        case 8: dst[0] = *static_cast<const QData*>(p); return;
        default: {
            const EData* e = static_cast<const EData*>(p);
            for (int i = 0; i < words64(width); i++) dst[i] = 0;
            for (int i = 0; i < words32; i++) dst[i / 2] |= static_cast<uint64_t>(e[i]) << ((i & 1) * 32);
        }
    }
}

#endif
