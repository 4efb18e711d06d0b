/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc.h: RME: the Granule Protection Check (Arm ARM, RME chapter; pseudocode
 * AArch64.GranuleProtectionCheck). THE single home of the check: ptw.c calls arm_gpc_check() for
 * every physical access it resolves (output addresses and each translation-table descriptor
 * fetch) and arm_gpc_raise() when it fails; nothing else decides GPC outcomes. */
#ifndef TARGET_ARM_GPC_H
#define TARGET_ARM_GPC_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/cputlb.h"
#include "exec/memory.h"
#include "cpu.h"

typedef enum GpcFaultKind {
    GPC_OK = 0,
    GPC_FAULT_GPF,          /* Granule Protection Fault: the GPI forbids this PAS */
    GPC_FAULT_WALK,         /* GPT walk fault (invalid/reserved descriptor, bad configuration) */
    GPC_FAULT_ADDRSIZE,     /* GPT address size fault */
    GPC_FAULT_EA,           /* synchronous external abort on a GPT fetch */
} GpcFaultKind;

/* How the GPI of a granule was found (for -d gpc, info pas and info gpt). */
typedef enum GpcSource {
    GPC_SRC_NONE = 0,       /* no GPT lookup: GPC disabled, NS access above PPS, or a fault */
    GPC_SRC_L0_BLOCK,       /* level-0 block descriptor */
    GPC_SRC_L1_CONTIG,      /* level-1 contiguous descriptor */
    GPC_SRC_L1_GRANULES,    /* level-1 granules descriptor */
} GpcSource;

typedef struct GpcFault {
    GpcFaultKind kind;
    int level;              /* GPT level of the fault (0 or 1) */
    unsigned gpi;           /* GPI found (for GPFs and logging) */
    /* Added for the model, the monitor and the tests; the walker may ignore them. */
    GpcSource source;       /* where the GPI came from (valid when a descriptor was decoded) */
    uint64_t desc;          /* last GPT descriptor read */
    uint64_t desc_pa;       /* its PA (Root PA space) */
    uint64_t block_size;    /* bytes with the same GPI: L0 block, contiguous range or granule */
} GpcFault;

/* GPI encodings (Arm ARM, GPT level 0 block / level 1 descriptors). */
enum {
    GPI_NO_ACCESS = 0x0,
    GPI_SECURE = 0x8,
    GPI_NONSECURE = 0x9,
    GPI_ROOT = 0xa,
    GPI_REALM = 0xb,
    GPI_ANY = 0xf,
};

/* Snapshot of what the check depends on, independent of CPUARMState so that the core can be
 * tested with synthetic tables. */
typedef struct GpcConfig {
    uint64_t gpccr;         /* GPCCR_EL3 as read (L0GPTSZ included) */
    uint64_t gptbr;         /* GPTBR_EL3 */
    unsigned pa_bits;       /* implemented PA size, from ID_AA64MMFR0_EL1.PARange */
    bool has_sel2;          /* FEAT_SEL2: GPI Secure is valid only then (pseudocode GPIValid) */
} GpcConfig;

/* Read one 64-bit little-endian GPT descriptor at pa in the Root PA space; false when the read
 * fails (external abort on a GPT fetch). */
typedef bool GpcReadFn(void *opaque, uint64_t pa, uint64_t *val);

/* The pure check (pseudocode AArch64.GranuleProtectionCheck): true when an access to pa in PA
 * space pas is permitted; otherwise false with *out filled. *out is filled on success too
 * (source, gpi, block_size). */
bool gpc_check(const GpcConfig *cfg, uint64_t pa, ArmSecuritySpace pas, GpcReadFn *read,
               void *opaque, GpcFault *out);

/* Everything gpc_check() derives from a GpcConfig alone, decoded once for many checks (the TLB
 * fill path keeps one per CPU, gpc-cache.h). Fields past `consistent` are valid only when
 * enabled && consistent. */
typedef struct GpcDecoded {
    GpcConfig cfg;          /* the configuration it was decoded from */
    bool enabled;           /* GPCCR_EL3.GPC */
    bool consistent;        /* GPCRegistersConsistent */
    uint16_t gpi_valid;     /* bit n set: GPI n is valid (GPIValid) */
    bool base_above_pps;    /* GPTBR_EL3.BADDR outside the PPS: GPT address size fault */
    unsigned pps, pgs, l0sz;        /* in bits */
    uint64_t l0_base;       /* level-0 table base, aligned down to the table size */
    uint64_t l0_index_mask; /* applied to PA >> L0GPTSZ */
    uint64_t l1_index_mask; /* applied to PA >> (PGS + 4) */
    uint64_t l1_align_mask; /* level-0 table descriptor bits that must be 0 (table alignment) */
} GpcDecoded;

void gpc_decode(const GpcConfig *cfg, GpcDecoded *dc);

/* How gpc_check_decoded() reads the GPT: 8-byte reads that start in [win_pa, win_pa + win_last]
 * come from win_host + (pa - win_pa) (host memory holding that part of the Root PA space; the
 * host is little-endian), all others from read(opaque, ...). win_host may be NULL. */
typedef struct GpcReader {
    GpcReadFn *read;
    void *opaque;
    const uint8_t *win_host;
    uint64_t win_pa, win_last;
} GpcReader;

/* gpc_check() with a configuration decoded by gpc_decode(); the same results. */
bool gpc_check_decoded(const GpcDecoded *dc, uint64_t pa, ArmSecuritySpace pas,
                       const GpcReader *rd, GpcFault *out);
/* Field decoders shared with the monitor and the tests (return 0 for reserved encodings). */
unsigned gpc_pps_bits(uint64_t gpccr);
unsigned gpc_pgs_bits(uint64_t gpccr);
unsigned gpc_l0gptsz_bits(uint64_t gpccr);
const char *gpc_gpi_name(unsigned gpi);
const char *gpc_fault_name(GpcFaultKind kind);

/* Check a physical access of the CPU in its current configuration (GPCCR_EL3, GPTBR_EL3, the
 * GPT in Root PA space). Returns true when permitted (always, without FEAT_RME or with
 * GPCCR_EL3.GPC == 0); otherwise false with *f filled. No side effects besides -d gpc logging. */
bool arm_gpc_check(CPUARMState *env, uint64_t pa, ArmSecuritySpace pas, GpcFault *f);

/* Context of the access that failed, for the syndrome. */
typedef struct GpcAccess {
    uint64_t vaddr;         /* FAR value (the VA of the instruction's access) */
    uint64_t pa;
    ArmSecuritySpace pas;
    MMUAccessType access;
    bool walk;              /* the access was a translation-table descriptor fetch */
    int walk_level;         /* lookup level of that fetch */
    bool s1ptw;             /* stage-1 walk access translated by stage 2 (ESR.S1PTW is set
                             * only when stage2_walk is set too: see gpc-fault.c) */
    bool stage2_walk;       /* stage-2 table fetch */
    uint64_t ipa;           /* for HPFAR_EL2 when relevant */
    bool ipa_valid;
    /* Added: */
    bool cm;                /* cache maintenance or AT instruction (ESR CM = 1, WnR = 1) */
    uint32_t ls_iss;        /* ISS[24:14] (ISV and the instruction syndrome), already in place,
                             * for a data abort on a stage-2 walk that is not for stage 1; or 0 */
} GpcAccess;

/* Raise the architectural exception for a failed check: a GPC exception to EL3 (EC 0x1E) for
 * walk, address-size and external-abort faults, or when SCR_EL3.GPF routes GPFs there; otherwise
 * the GPF is an Instruction/Data Abort (FSC 0x28, or 0x24 + level on a table walk) taken to EL2
 * when HCR_EL2.GPF routes it, else to the EL the normal abort routing gives. Never returns. */
void arm_gpc_raise(CPUARMState *env, const GpcFault *f, const GpcAccess *a)
    __attribute__((noreturn));

/* AT instructions (R_ZTRDD; pseudocode AArch64.AT): only the GPC of table walks applies. A GPF
 * is reported in PAR_EL1 unless it is a GPC exception (SCR_EL3.GPF) or HCR_EL2.GPF routes it to
 * EL2 (an AT S1E0* / S1E1* executed at EL1); GPT walk, address-size and external-abort faults are
 * always GPC exceptions. Returns true with *fst = the PAR_EL1.FST value when the walker must
 * report the fault in PAR_EL1 (F = 1, S = stage of the walk); false when it must call
 * arm_gpc_raise() instead. stage12: AT S12E*; at_el: the EL of the translation (0..3). */
bool arm_gpc_at_result(CPUARMState *env, const GpcFault *f, const GpcAccess *a, bool stage12,
                       int at_el, uint32_t *fst);

/* The CPU's configuration snapshot (used by arm_gpc_check and the monitor). */
void arm_gpc_config(const CPUARMState *env, GpcConfig *cfg);

#endif
