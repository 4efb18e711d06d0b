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
 * FEAT_RME_GDI/GPC2 values, not implemented here) is reserved. Bit n of the result is set when
 * GPI n is valid. */
static uint16_t gpi_valid_set(const GpcConfig *cfg)
{
    uint16_t set = 1u << GPI_NO_ACCESS | 1u << GPI_NONSECURE | 1u << GPI_ROOT |
                   1u << GPI_REALM | 1u << GPI_ANY;
    return cfg->has_sel2 ? set | 1u << GPI_SECURE : set;
}

static inline bool gpi_valid(const GpcDecoded *dc, unsigned gpi)
{
    return (dc->gpi_valid >> (gpi & 0xf)) & 1;
}

/* DecodeGPTGranules: all 16 GPI fields of a granules descriptor valid (GPIValid on each; a
 * reserved value in any field invalidates the whole descriptor, R_KYZMZ). Computed on the four
 * bit planes of the fields at once; per field b3..b0 the valid values are 0b0000, 0b1001,
 * 0b1010, 0b1011, 0b1111, and 0b1000 with FEAT_SEL2:
 *   b3 = 0: valid only when b2 = b1 = b0 = 0;
 *   b3 = 1: valid when b2 = 0 and (b1 or b0 or FEAT_SEL2), or when b2 = b1 = b0 = 1.
 * tests/unit/test-gpc.c checks this against GPIValid for every value in every field. */
static bool granules_valid(const GpcDecoded *dc, uint64_t d)
{
    const uint64_t ones = 0x1111111111111111ull;
    uint64_t b0 = d & ones, b1 = (d >> 1) & ones, b2 = (d >> 2) & ones, b3 = (d >> 3) & ones;
    uint64_t sel2 = dc->cfg.has_sel2 ? ones : 0;
    uint64_t low = ~b3 & ~(b2 | b1 | b0);
    uint64_t high = b3 & ((~b2 & (b1 | b0 | sel2)) | (b2 & b1 & b0));
    return ((low | high) & ones) == ones;
}

/* GPICheck: may an access in PA space pas use a granule with this (valid) GPI? Bit `pas` of
 * gpi_permits[gpi]: Any permits every PA space, Secure/Non-secure/Root/Realm only their own,
 * No access (and the reserved values, never valid here) none. */
static const uint8_t gpi_permits[16] = {
    [GPI_ANY] = 0xf,
    [GPI_SECURE] = 1u << ARMSS_SECURE,
    [GPI_NONSECURE] = 1u << ARMSS_NONSECURE,
    [GPI_ROOT] = 1u << ARMSS_ROOT,
    [GPI_REALM] = 1u << ARMSS_REALM,
};

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

void gpc_decode(const GpcConfig *cfg, GpcDecoded *dc)
{
    uint64_t v = cfg->gpccr;
    unsigned align;

    memset(dc, 0, sizeof(*dc));
    dc->cfg = *cfg;
    dc->enabled = v & GPCCR_GPC;
    dc->consistent = registers_consistent(cfg);
    dc->gpi_valid = gpi_valid_set(cfg);
    if (!dc->enabled || !dc->consistent) {
        return;
    }
    dc->pps = gpc_pps_bits(v);
    dc->pgs = gpc_pgs_bits(v);
    dc->l0sz = gpc_l0gptsz_bits(v);
    /* GPTBR_EL3.BADDR is PA[51:12]. */
    dc->l0_base = (cfg->gptbr & 0xffffffffffull) << 12;
    dc->base_above_pps = bits_above(dc->l0_base, dc->pps) != 0;
    /* The level-0 table is aligned to its size (at least 4KB): the low base bits are treated as
     * zero, not as a fault (GPTWalk). */
    align = dc->pps > dc->l0sz ? dc->pps - dc->l0sz + 3 : 3;
    if (align < 12) {
        align = 12;
    }
    dc->l0_base &= ~((1ull << align) - 1);
    /* Level 0 is indexed by PA[PPS-1:L0GPTSZ], level 1 by PA[L0GPTSZ-1:PGS+4]. */
    dc->l0_index_mask = dc->pps > dc->l0sz ? (1ull << (dc->pps - dc->l0sz)) - 1 : 0;
    dc->l1_index_mask = (1ull << (dc->l0sz - dc->pgs - 4)) - 1;
    /* DecodeGPTTable: the level-1 table is aligned to its size, 2^(L0GPTSZ-PGS-1) bytes. */
    dc->l1_align_mask = ((1ull << (dc->l0sz - dc->pgs - 1)) - 1) & ~0xfffull;
}

bool gpc_check(const GpcConfig *cfg, uint64_t pa, ArmSecuritySpace pas, GpcReadFn *read,
               void *opaque, GpcFault *out)
{
    GpcReader rd = { .read = read, .opaque = opaque };
    GpcDecoded dc;

    gpc_decode(cfg, &dc);
    return gpc_check_decoded(&dc, pa, pas, &rd, out);
}

static inline bool gpt_read(const GpcReader *rd, uint64_t pa, uint64_t *val)
{
    if (rd->win_host && pa - rd->win_pa <= rd->win_last) {
        memcpy(val, rd->win_host + (pa - rd->win_pa), 8);
        return true;
    }
    return rd->read(rd->opaque, pa, val);
}

bool gpc_check_decoded(const GpcDecoded *dc, uint64_t pa, ArmSecuritySpace pas,
                       const GpcReader *rd, GpcFault *out)
{
    uint64_t d, table;
    int level;

    memset(out, 0, sizeof(*out));
    out->kind = GPC_OK;

    /* GPCCR_EL3.GPC == 0: checks are bypassed, every access passes. */
    if (!dc->enabled) {
        return true;
    }
    /* Reserved configuration: GPT walk fault at level 0 (GranuleProtectionCheck, first step). */
    if (!dc->consistent) {
        return fault(out, GPC_FAULT_WALK, 0);
    }
    /* A PA outside the protected size: Non-secure accesses pass, any other PA space takes a GPF
     * at level 0 (R_TCWMD; DDI 0487 M.a AbovePPS in GranuleProtectionCheck). */
    if (pa >> dc->pps) {                   /* PPS <= 52 in a consistent configuration */
        if (pas == ARMSS_NONSECURE) {
            return true;
        }
        return fault(out, GPC_FAULT_GPF, 0);
    }
    /* GPTBR_EL3.BADDR outside the PPS: GPT address size fault, level 0. */
    if (dc->base_above_pps) {
        return fault(out, GPC_FAULT_ADDRSIZE, 0);
    }

    /* Level 0: one entry per 2^L0GPTSZ bytes of the PPS. */
    out->desc_pa = dc->l0_base + ((pa >> dc->l0sz) & dc->l0_index_mask) * 8;
    if (!gpt_read(rd, out->desc_pa, &d)) {
        return fault(out, GPC_FAULT_EA, 0);      /* external abort on the GPT fetch, level 0 */
    }
    out->desc = d;
    switch (d & 0xf) {
    case GPT_L0_BLOCK:
        /* DecodeGPTBlock: bits [63:8] RES0 and a valid GPI, else a walk fault. */
        if (d >> 8 || !gpi_valid(dc, (d >> 4) & 0xf)) {
            return fault(out, GPC_FAULT_WALK, 0);
        }
        out->gpi = (d >> 4) & 0xf;
        out->source = GPC_SRC_L0_BLOCK;
        out->block_size = 1ull << dc->l0sz;
        level = 0;
        goto decide;
    case GPT_L0_TABLE:
        /* DecodeGPTTable: bits [63:52] and [11:4] RES0; the level-1 table is aligned to its size
         * 2^(L0GPTSZ-PGS-1) bytes; an address outside the PPS is an address size fault. */
        if (d >> 52 || (d & 0xff0)) {
            return fault(out, GPC_FAULT_WALK, 0);
        }
        if (d & dc->l1_align_mask) {
            return fault(out, GPC_FAULT_WALK, 0);
        }
        table = d & 0x000ffffffffff000ull;
        if (table >> dc->pps) {
            return fault(out, GPC_FAULT_ADDRSIZE, 0);
        }
        break;
    default:
        return fault(out, GPC_FAULT_WALK, 0);   /* invalid or reserved level-0 descriptor */
    }

    /* Level 1: one descriptor per 16 granules. */
    out->desc_pa = table + ((pa >> (dc->pgs + 4)) & dc->l1_index_mask) * 8;
    if (!gpt_read(rd, out->desc_pa, &d)) {
        return fault(out, GPC_FAULT_EA, 1);
    }
    out->desc = d;
    level = 1;
    if ((d & 0xf) == GPT_L1_CONTIG) {
        /* DecodeGPTContiguous: bits [63:10] RES0, a valid GPI, Contig (bits [9:8]) non-zero:
         * 2MB, 32MB or 512MB. */
        static const unsigned contig_bits[4] = { 0, 21, 25, 29 };
        unsigned contig = (d >> 8) & 3;
        if (d >> 10 || !gpi_valid(dc, (d >> 4) & 0xf) || !contig) {
            return fault(out, GPC_FAULT_WALK, 1);
        }
        out->gpi = (d >> 4) & 0xf;
        out->source = GPC_SRC_L1_CONTIG;
        out->block_size = 1ull << contig_bits[contig];
    } else {
        /* DecodeGPTGranules: a reserved GPI in any of the 16 fields makes the whole descriptor
         * invalid (R_KYZMZ), not only the field of this granule. */
        if (!granules_valid(dc, d)) {
            return fault(out, GPC_FAULT_WALK, 1);
        }
        out->gpi = (d >> (4 * ((pa >> dc->pgs) & 0xf))) & 0xf;
        out->source = GPC_SRC_L1_GRANULES;
        out->block_size = 1ull << dc->pgs;
    }

decide:
    if (!((gpi_permits[out->gpi] >> pas) & 1)) {
        return fault(out, GPC_FAULT_GPF, level);   /* GPF at the level of the descriptor */
    }
    return true;
}
