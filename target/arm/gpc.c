/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc.c: RME: the Granule Protection Check itself, a pure function of the GPC configuration, the
 * GPT contents (read through a callback, from the Root PA space), the PA and its PA space.
 * Written from the Arm ARM (DDI 0487) RME chapters and pseudocode AArch64.GranuleProtectionCheck,
 * GPTWalk, GPCRegistersConsistent, DecodeGPTBlock/Table/Contiguous/Granules, GPIValid, GPICheck.
 * The CPU glue (raising the exceptions) is in gpc-fault.c; the monitor and tracing in
 * gpc-trace.c. */
#include <string.h>
#include "gpc.h"

#define GPCCR_PPS(v)     ((unsigned)(v) & 7)
#define GPCCR_IRGN(v)    ((unsigned)((v) >> 8) & 3)
#define GPCCR_ORGN(v)    ((unsigned)((v) >> 10) & 3)
#define GPCCR_SH(v)      ((unsigned)((v) >> 12) & 3)
#define GPCCR_PGS(v)     ((unsigned)((v) >> 14) & 3)
#define GPCCR_GPC        (1ull << 16)
#define GPCCR_L0GPTSZ(v) ((unsigned)((v) >> 20) & 0xf)

/* Level-0 descriptor types, bits [3:0]; a level-1 descriptor with bits [3:0] = 0b0001 is a
 * contiguous descriptor, anything else a granules descriptor. */
#define GPT_L0_BLOCK  0x1
#define GPT_L0_TABLE  0x3
#define GPT_L1_CONTIG 0x1

/* GPCCR_EL3.PPS: protected physical address size (pseudocode DecodePPS). */
unsigned gpc_pps_bits(uint64_t gpccr)
{
    static const unsigned bits[8] = { 32, 36, 40, 42, 44, 48, 52, 0 };
    return bits[GPCCR_PPS(gpccr)];
}

/* GPCCR_EL3.PGS: physical granule size; note the encoding order 4K, 64K, 16K (DecodePGS). */
unsigned gpc_pgs_bits(uint64_t gpccr)
{
    static const unsigned bits[4] = { 12, 16, 14, 0 };
    return bits[GPCCR_PGS(gpccr)];
}

/* GPCCR_EL3.L0GPTSZ: bytes covered by one level-0 entry (GPTL0Size). */
unsigned gpc_l0gptsz_bits(uint64_t gpccr)
{
    switch (GPCCR_L0GPTSZ(gpccr)) {
    case 0x0: return 30;
    case 0x4: return 34;
    case 0x6: return 36;
    case 0x9: return 39;
    default: return 0;
    }
}

const char *gpc_gpi_name(unsigned gpi)
{
    switch (gpi) {
    case GPI_NO_ACCESS: return "no-access";
    case GPI_SECURE: return "secure";
    case GPI_NONSECURE: return "non-secure";
    case GPI_ROOT: return "root";
    case GPI_REALM: return "realm";
    case GPI_ANY: return "any";
    default: return "reserved";
    }
}

const char *gpc_fault_name(GpcFaultKind kind)
{
    switch (kind) {
    case GPC_OK: return "ok";
    case GPC_FAULT_GPF: return "GPF";
    case GPC_FAULT_WALK: return "GPT walk fault";
    case GPC_FAULT_ADDRSIZE: return "GPT address size fault";
    case GPC_FAULT_EA: return "GPT fetch external abort";
    }
    return "?";
}

/* GPIValid: the six defined encodings; Secure only with FEAT_SEL2. Everything else (including the
 * FEAT_RME_GDI/GPC2 values, not implemented here) is reserved. */
static bool gpi_valid(const GpcConfig *cfg, unsigned gpi)
{
    switch (gpi) {
    case GPI_SECURE:
        return cfg->has_sel2;
    case GPI_NO_ACCESS: case GPI_NONSECURE: case GPI_ROOT: case GPI_REALM: case GPI_ANY:
        return true;
    default:
        return false;
    }
}

/* GPICheck: may an access in PA space pas use a granule with this (valid) GPI? */
static bool gpi_permits(unsigned gpi, ArmSecuritySpace pas)
{
    switch (gpi) {
    case GPI_ANY: return true;
    case GPI_SECURE: return pas == ARMSS_SECURE;
    case GPI_NONSECURE: return pas == ARMSS_NONSECURE;
    case GPI_ROOT: return pas == ARMSS_ROOT;
    case GPI_REALM: return pas == ARMSS_REALM;
    default: return false;   /* GPI_NO_ACCESS */
    }
}

/* GPCRegistersConsistent: reserved or inconsistent GPCCR_EL3 settings. */
static bool registers_consistent(const GpcConfig *cfg)
{
    uint64_t v = cfg->gpccr;
    unsigned pps = gpc_pps_bits(v);

    if (!pps || pps > cfg->pa_bits) {
        return false;                      /* PPS reserved or larger than the implemented PA */
    }
    if (!gpc_pgs_bits(v) || GPCCR_SH(v) == 1) {
        return false;                      /* PGS 0b11 and SH 0b01 are reserved */
    }
    if (GPCCR_ORGN(v) == 0 && GPCCR_IRGN(v) == 0 && GPCCR_SH(v) != 2) {
        return false;                      /* Non-cacheable GPT fetches must be Outer Shareable */
    }
    return gpc_l0gptsz_bits(v) != 0;
}

static bool fault(GpcFault *out, GpcFaultKind kind, int level)
{
    out->kind = kind;
    out->level = level;
    return false;
}

static inline uint64_t bits_above(uint64_t v, unsigned n)
{
    return n >= 64 ? 0 : v >> n;
}

bool gpc_check(const GpcConfig *cfg, uint64_t pa, ArmSecuritySpace pas, GpcReadFn *read,
               void *opaque, GpcFault *out)
{
    uint64_t v = cfg->gpccr;
    unsigned pps, pgs, l0sz, align;
    uint64_t base, d, table;
    int level;

    memset(out, 0, sizeof(*out));
    out->kind = GPC_OK;

    /* GPCCR_EL3.GPC == 0: checks are bypassed, every access passes. */
    if (!(v & GPCCR_GPC)) {
        return true;
    }
    /* Reserved configuration: GPT walk fault at level 0 (GranuleProtectionCheck, first step). */
    if (!registers_consistent(cfg)) {
        return fault(out, GPC_FAULT_WALK, 0);
    }
    pps = gpc_pps_bits(v);
    pgs = gpc_pgs_bits(v);
    l0sz = gpc_l0gptsz_bits(v);

    /* A PA outside the protected size: Non-secure accesses pass, any other PA space takes a GPF
     * at level 0 (R_TCWMD; DDI 0487 M.a AbovePPS in GranuleProtectionCheck). */
    if (bits_above(pa, pps)) {
        if (pas == ARMSS_NONSECURE) {
            return true;
        }
        return fault(out, GPC_FAULT_GPF, 0);
    }
    /* GPTBR_EL3.BADDR (PA[51:12]) outside the PPS: GPT address size fault, level 0. */
    base = (cfg->gptbr & 0xffffffffffull) << 12;
    if (bits_above(base, pps)) {
        return fault(out, GPC_FAULT_ADDRSIZE, 0);
    }
    /* The level-0 table is aligned to its size (at least 4KB): the low base bits are treated as
     * zero, not as a fault (GPTWalk). */
    align = pps > l0sz ? pps - l0sz + 3 : 3;
    if (align < 12) {
        align = 12;
    }
    base &= ~((1ull << align) - 1);

    /* Level 0: one entry per 2^L0GPTSZ bytes of the PPS. */
    out->desc_pa = base + (pps > l0sz ? ((pa >> l0sz) & ((1ull << (pps - l0sz)) - 1)) * 8 : 0);
    if (!read(opaque, out->desc_pa, &d)) {
        return fault(out, GPC_FAULT_EA, 0);      /* external abort on the GPT fetch, level 0 */
    }
    out->desc = d;
    switch (d & 0xf) {
    case GPT_L0_BLOCK:
        /* DecodeGPTBlock: bits [63:8] RES0 and a valid GPI, else a walk fault. */
        if (d >> 8 || !gpi_valid(cfg, (d >> 4) & 0xf)) {
            return fault(out, GPC_FAULT_WALK, 0);
        }
        out->gpi = (d >> 4) & 0xf;
        out->source = GPC_SRC_L0_BLOCK;
        out->block_size = 1ull << l0sz;
        level = 0;
        goto decide;
    case GPT_L0_TABLE:
        /* DecodeGPTTable: bits [63:52] and [11:4] RES0; the level-1 table is aligned to its size
         * 2^(L0GPTSZ-PGS-1) bytes; an address outside the PPS is an address size fault. */
        if (d >> 52 || (d & 0xff0)) {
            return fault(out, GPC_FAULT_WALK, 0);
        }
        if (d & ((1ull << (l0sz - pgs - 1)) - 1) & ~0xfffull) {
            return fault(out, GPC_FAULT_WALK, 0);
        }
        table = d & 0x000ffffffffff000ull;
        if (bits_above(table, pps)) {
            return fault(out, GPC_FAULT_ADDRSIZE, 0);
        }
        break;
    default:
        return fault(out, GPC_FAULT_WALK, 0);   /* invalid or reserved level-0 descriptor */
    }

    /* Level 1: one descriptor per 16 granules. */
    out->desc_pa = table + ((pa >> (pgs + 4)) & ((1ull << (l0sz - pgs - 4)) - 1)) * 8;
    if (!read(opaque, out->desc_pa, &d)) {
        return fault(out, GPC_FAULT_EA, 1);
    }
    out->desc = d;
    level = 1;
    if ((d & 0xf) == GPT_L1_CONTIG) {
        /* DecodeGPTContiguous: bits [63:10] RES0, a valid GPI, Contig (bits [9:8]) non-zero:
         * 2MB, 32MB or 512MB. */
        static const unsigned contig_bits[4] = { 0, 21, 25, 29 };
        unsigned contig = (d >> 8) & 3;
        if (d >> 10 || !gpi_valid(cfg, (d >> 4) & 0xf) || !contig) {
            return fault(out, GPC_FAULT_WALK, 1);
        }
        out->gpi = (d >> 4) & 0xf;
        out->source = GPC_SRC_L1_CONTIG;
        out->block_size = 1ull << contig_bits[contig];
    } else {
        /* DecodeGPTGranules: a reserved GPI in any of the 16 fields makes the whole descriptor
         * invalid (R_KYZMZ), not only the field of this granule. */
        for (unsigned i = 0; i < 16; i++) {
            if (!gpi_valid(cfg, (d >> (4 * i)) & 0xf)) {
                return fault(out, GPC_FAULT_WALK, 1);
            }
        }
        out->gpi = (d >> (4 * ((pa >> pgs) & 0xf))) & 0xf;
        out->source = GPC_SRC_L1_GRANULES;
        out->block_size = 1ull << pgs;
    }

decide:
    if (!gpi_permits(out->gpi, pas)) {
        return fault(out, GPC_FAULT_GPF, level);   /* GPF at the level of the descriptor */
    }
    return true;
}
