/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-decode-capstone.c: cross-check the A64 pattern files against capstone's disassembler. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <capstone/capstone.h>

#include "ok-ctx.h"
#include "decode-a64-dp-imm.h"
#include "decode-a64-branch-sys.h"
#include "decode-a64-ldst.h"
#include "decode-a64-dp-reg.h"
#include "decode-a64-simd-fp.h"

/*
 * Three checks, all on the generated decoders (built here with ok-ctx.h, whose
 * decode_unimplemented() records the pattern name):
 *
 * 1. Per pattern, random encodings matching (mask, bits): the decoder must pick this pattern
 *    (or an earlier member of its overlapping group), no pattern of another file may match,
 *    and capstone must print a mnemonic of the family the pattern name promises
 *    (expectations[] below, written from the Arm ARM's instruction pages and alias lists).
 * 2. Shadowing: within an overlapping group no earlier pattern covers a later one, and every
 *    pattern is picked by the decoder for at least one of its samples.
 * 3. Random 32-bit words that capstone decodes as an instruction of a covered group must be
 *    accepted by our decoder for that op0 class.
 *
 * Capstone 4 lags the architecture and accepts a few encodings the Arm ARM reserves; each such
 * case is listed in known_gaps[] with its reason.  Everything else is a failure.
 *
 * With --samples N or --words N the program prints encodings and the decoders' verdicts
 * instead, for check-objdump.py, which repeats checks 1 and 3 with GNU objdump.
 */

#define SAMPLES_PER_PATTERN 256
#define RANDOM_WORDS 400000

typedef struct DecodeFile {
    const char *name;
    const DecodePattern *patterns;
    const unsigned *count;
    bool (*decode)(DisasContext *s, uint32_t insn);
} DecodeFile;

static const DecodeFile files[] = {
    { "a64-dp-imm", decode_a64_dp_imm_patterns, &decode_a64_dp_imm_pattern_count,
      decode_a64_dp_imm },
    { "a64-branch-sys", decode_a64_branch_sys_patterns, &decode_a64_branch_sys_pattern_count,
      decode_a64_branch_sys },
    { "a64-ldst", decode_a64_ldst_patterns, &decode_a64_ldst_pattern_count, decode_a64_ldst },
    { "a64-dp-reg", decode_a64_dp_reg_patterns, &decode_a64_dp_reg_pattern_count,
      decode_a64_dp_reg },
    { "a64-simd-fp", decode_a64_simd_fp_patterns, &decode_a64_simd_fp_pattern_count,
      decode_a64_simd_fp },
};
#define NUM_FILES (sizeof(files) / sizeof(files[0]))

/*
 * Mnemonics capstone may print for each pattern: the instruction itself and its preferred
 * aliases.  A trailing '*' matches any suffix (size letters, condition codes, A/L variants).
 */
typedef struct Expectation {
    const char *pattern;
    const char *mnemonics;
    const char *first_operand;      /* if set: prefixes the first operand may start with */
} Expectation;

static const Expectation expectations[] = {
    /* a64-dp-imm */
    { "ADR", "adr" },
    { "ADRP", "adrp" },
    { "ADD_i", "add mov" },
    { "ADDS_i", "adds cmn" },
    { "SUB_i", "sub" },
    { "SUBS_i", "subs cmp" },
    { "ADDG", "addg" },
    { "SUBG", "subg" },
    { "SMAX_i", "smax" },
    { "UMAX_i", "umax" },
    { "SMIN_i", "smin" },
    { "UMIN_i", "umin" },
    { "AND_i", "and" },
    { "ORR_i", "orr mov" },
    { "EOR_i", "eor" },
    { "ANDS_i", "ands tst" },
    { "MOVN", "movn mov" },
    { "MOVZ", "movz mov" },
    { "MOVK", "movk" },
    { "SBFM", "sbfm asr sbfiz sbfx sxtb sxth sxtw" },
    { "BFM", "bfm bfi bfxil bfc" },
    { "UBFM", "ubfm lsl lsr ubfiz ubfx uxtb uxth" },
    { "EXTR", "extr ror" },
    /* a64-branch-sys */
    { "B_cond", "b.*" },
    { "BC_cond", "bc.*" },
    { "SVC", "svc" },
    { "HVC", "hvc" },
    { "SMC", "smc" },
    { "BRK", "brk" },
    { "HLT", "hlt" },
    { "DCPS1", "dcps1" },
    { "DCPS2", "dcps2" },
    { "DCPS3", "dcps3" },
    { "WFET", "wfet" },
    { "WFIT", "wfit" },
    { "NOP", "nop" },
    { "YIELD", "yield" },
    { "WFE", "wfe" },
    { "WFI", "wfi" },
    { "SEV", "sev" },
    { "SEVL", "sevl" },
    { "DGH", "dgh hint" },
    { "XPACLRI", "xpaclri hint" },
    { "PACIA1716", "pacia1716 hint" },
    { "PACIB1716", "pacib1716 hint" },
    { "AUTIA1716", "autia1716 hint" },
    { "AUTIB1716", "autib1716 hint" },
    { "ESB", "esb hint" },
    { "PSB_CSYNC", "psb hint" },
    { "TSB_CSYNC", "tsb hint" },
    { "CSDB", "csdb hint" },
    { "CLRBHB", "clrbhb clearbhb hint" },
    { "PACIAZ", "paciaz hint" },
    { "PACIASP", "paciasp hint" },
    { "PACIBZ", "pacibz hint" },
    { "PACIBSP", "pacibsp hint" },
    { "AUTIAZ", "autiaz hint" },
    { "AUTIASP", "autiasp hint" },
    { "AUTIBZ", "autibz hint" },
    { "AUTIBSP", "autibsp hint" },
    { "BTI", "bti hint" },
    { "HINT", "hint" },
    { "CLREX", "clrex" },
    { "DSB_nXS", "dsb" },
    { "DSB", "dsb ssbb pssbb" },
    { "DMB", "dmb" },
    { "ISB", "isb" },
    { "SB", "sb" },
    { "CFINV", "cfinv" },
    { "XAFLAG", "xaflag" },
    { "AXFLAG", "axflag" },
    { "MSR_i", "msr smstart smstop" },
    { "SYS", "sys at dc ic tlbi" },
    { "SYSL", "sysl" },
    { "MSR_r", "msr" },
    { "MRS", "mrs" },
    { "BR", "br" },
    { "BLR", "blr" },
    { "RET", "ret" },
    { "ERET", "eret" },
    { "DRPS", "drps" },
    { "BRAZ", "braaz brabz" },
    { "BLRAZ", "blraaz blrabz" },
    { "RETA", "retaa retab" },
    { "ERETA", "eretaa eretab" },
    { "BRA", "braa brab" },
    { "BLRA", "blraa blrab" },
    { "B", "b" },
    { "BL", "bl" },
    { "CBZ", "cbz" },
    { "CBNZ", "cbnz" },
    { "TBZ", "tbz" },
    { "TBNZ", "tbnz" },
    /* a64-ldst */
    { "STXR", "stxr* stlxr*" },
    { "LDXR", "ldxr* ldaxr*" },
    { "STXP", "stxp stlxp" },
    { "LDXP", "ldxp ldaxp" },
    { "CASP", "casp*" },
    { "STLLR", "stllr*" },
    { "STLR", "stlr*" },
    { "LDLAR", "ldlar*" },
    { "LDAR", "ldar*" },
    { "CAS", "cas*" },
    { "STLUR", "stlur*" },
    { "LDAPUR", "ldapur*" },
    { "LDR_lit", "ldr ldrsw", "w x" },
    { "PRFM_lit", "prfm" },
    { "LDR_v_lit", "ldr", "s d q" },
    { "STNP", "stnp", "w x" },
    { "LDNP", "ldnp", "w x" },
    { "STNP_v", "stnp", "s d q" },
    { "LDNP_v", "ldnp", "s d q" },
    { "STP", "stp", "w x" },
    { "LDP", "ldp ldpsw", "w x" },
    { "STGP", "stgp" },
    { "STP_v", "stp", "s d q" },
    { "LDP_v", "ldp", "s d q" },
    { "STR_i", "stur sturb sturh str strb strh", "w x" },
    { "LDR_i", "ldur ldurb ldurh ldursb ldursh ldursw ldr ldrb ldrh ldrsb ldrsh ldrsw", "w x" },
    { "PRFUM", "prfum" },
    { "STR_v_i", "stur str", "b h s d q" },
    { "LDR_v_i", "ldur ldr", "b h s d q" },
    { "STTR", "sttr sttrb sttrh", "w x" },
    { "LDTR", "ldtr ldtrb ldtrh ldtrsb ldtrsh ldtrsw", "w x" },
    { "LDADD", "ldadd* stadd*" },
    { "LDCLR", "ldclr* stclr*" },
    { "LDEOR", "ldeor* steor*" },
    { "LDSET", "ldset* stset*" },
    { "LDSMAX", "ldsmax* stsmax*" },
    { "LDSMIN", "ldsmin* stsmin*" },
    { "LDUMAX", "ldumax* stumax*" },
    { "LDUMIN", "ldumin* stumin*" },
    { "SWP", "swp*" },
    { "LDAPR", "ldapr*" },
    { "LDRA", "ldraa ldrab" },
    { "STZGM", "stzgm" },
    { "STG", "stg" },
    { "LDG", "ldg" },
    { "STZG", "stzg" },
    { "STGM", "stgm" },
    { "ST2G", "st2g" },
    { "LDGM", "ldgm" },
    { "STZ2G", "stz2g" },
    { "STR_r", "str strb strh", "w x" },
    { "LDR_r", "ldr ldrb ldrh ldrsb ldrsh ldrsw", "w x" },
    { "PRFM_r", "prfm" },
    { "STR_v_r", "str", "b h s d q" },
    { "LDR_v_r", "ldr", "b h s d q" },
    { "STR_u", "str strb strh", "w x" },
    { "LDR_u", "ldr ldrb ldrh ldrsb ldrsh ldrsw", "w x" },
    { "PRFM_u", "prfm" },
    { "STR_v_u", "str", "b h s d q" },
    { "LDR_v_u", "ldr", "b h s d q" },
    { "ST_mult", "st1 st2 st3 st4", "{" },
    { "LD_mult", "ld1 ld2 ld3 ld4", "{" },
    { "ST_single", "st1 st2 st3 st4", "{" },
    { "LD_single", "ld1 ld2 ld3 ld4", "{" },
    { "LD_repl", "ld1r ld2r ld3r ld4r", "{" },
    /* a64-dp-reg */
    { "UDIV", "udiv" },
    { "SDIV", "sdiv" },
    { "LSLV", "lsl lslv" },
    { "LSRV", "lsr lsrv" },
    { "ASRV", "asr asrv" },
    { "RORV", "ror rorv" },
    { "CRC32", "crc32b crc32h crc32w crc32x crc32cb crc32ch crc32cw crc32cx" },
    { "RBIT", "rbit" },
    { "REV16", "rev16" },
    { "REV", "rev" },
    { "REV32", "rev32" },
    { "CLZ", "clz" },
    { "CLS", "cls" },
    { "CTZ", "ctz" },
    { "CNT", "cnt" },
    { "ABS", "abs" },
    { "SMAX", "smax" },
    { "UMAX", "umax" },
    { "SMIN", "smin" },
    { "UMIN", "umin" },
    { "PACGA", "pacga" },
    { "SUBP", "subp" },
    { "SUBPS", "subps cmpp" },
    { "IRG", "irg" },
    { "GMI", "gmi" },
    { "PAC", "pacia pacib pacda pacdb paciza pacizb pacdza pacdzb" },
    { "AUT", "autia autib autda autdb autiza autizb autdza autdzb" },
    { "XPAC", "xpaci xpacd" },
    { "AND_r", "and" },
    { "BIC", "bic" },
    { "ORR_r", "orr mov" },
    { "ORN", "orn mvn" },
    { "EOR_r", "eor" },
    { "EON", "eon" },
    { "ANDS_r", "ands tst" },
    { "BICS", "bics" },
    { "ADD_r", "add" },
    { "ADDS_r", "adds cmn" },
    { "SUB_r", "sub neg" },
    { "SUBS_r", "subs cmp negs" },
    { "ADD_x", "add" },
    { "ADDS_x", "adds cmn" },
    { "SUB_x", "sub" },
    { "SUBS_x", "subs cmp" },
    { "ADC", "adc" },
    { "ADCS", "adcs" },
    { "SBC", "sbc ngc" },
    { "SBCS", "sbcs ngcs" },
    { "RMIF", "rmif" },
    { "SETF", "setf8 setf16" },
    { "CCMN", "ccmn" },
    { "CCMP", "ccmp" },
    { "CCMN_i", "ccmn" },
    { "CCMP_i", "ccmp" },
    { "CSEL", "csel" },
    { "CSINC", "csinc cinc cset" },
    { "CSINV", "csinv cinv csetm" },
    { "CSNEG", "csneg cneg" },
    { "MADD", "madd mul" },
    { "MSUB", "msub mneg" },
    { "SMADDL", "smaddl smull" },
    { "SMSUBL", "smsubl smnegl" },
    { "SMULH", "smulh" },
    { "UMADDL", "umaddl umull" },
    { "UMSUBL", "umsubl umnegl" },
    { "UMULH", "umulh" },
    /* a64-simd-fp */
    { "FABS", "fabs", "s d h" },
    { "FNEG", "fneg", "s d h" },
    { "FSQRT", "fsqrt", "s d h" },
    { "FRINTN", "frintn", "s d h" },
    { "FRINTP", "frintp", "s d h" },
    { "FRINTM", "frintm", "s d h" },
    { "FRINTZ", "frintz", "s d h" },
    { "FRINTA", "frinta", "s d h" },
    { "FRINTX", "frintx", "s d h" },
    { "FRINTI", "frinti", "s d h" },
    { "FRINT32Z", "frint32z", "s d h" },
    { "FRINT32X", "frint32x", "s d h" },
    { "FRINT64Z", "frint64z", "s d h" },
    { "FRINT64X", "frint64x", "s d h" },
    { "FCVT", "fcvt", "s d h" },
    { "BFCVT", "bfcvt", "h" },
    { "FCMP", "fcmp", "s d h" },
    { "FCMPE", "fcmpe", "s d h" },
    { "FCCMP", "fccmp", "s d h" },
    { "FCCMPE", "fccmpe", "s d h" },
    { "FMUL", "fmul", "s d h" },
    { "FDIV", "fdiv", "s d h" },
    { "FADD", "fadd", "s d h" },
    { "FSUB", "fsub", "s d h" },
    { "FMAX", "fmax", "s d h" },
    { "FMIN", "fmin", "s d h" },
    { "FMAXNM", "fmaxnm", "s d h" },
    { "FMINNM", "fminnm", "s d h" },
    { "FNMUL", "fnmul", "s d h" },
    { "FCSEL", "fcsel", "s d h" },
    { "FMADD", "fmadd", "s d h" },
    { "FMSUB", "fmsub", "s d h" },
    { "FNMADD", "fnmadd", "s d h" },
    { "FNMSUB", "fnmsub", "s d h" },
    { "SCVTF_fixed", "scvtf", "s d h" },
    { "UCVTF_fixed", "ucvtf", "s d h" },
    { "FCVTZS_fixed", "fcvtzs", "w x" },
    { "FCVTZU_fixed", "fcvtzu", "w x" },
    { "SCVTF", "scvtf", "s d h" },
    { "UCVTF", "ucvtf", "s d h" },
    { "FCVTNS", "fcvtns", "w x" },
    { "FCVTNU", "fcvtnu", "w x" },
    { "FCVTAS", "fcvtas", "w x" },
    { "FCVTAU", "fcvtau", "w x" },
    { "FCVTPS", "fcvtps", "w x" },
    { "FCVTPU", "fcvtpu", "w x" },
    { "FCVTMS", "fcvtms", "w x" },
    { "FCVTMU", "fcvtmu", "w x" },
    { "FCVTZS", "fcvtzs", "w x" },
    { "FCVTZU", "fcvtzu", "w x" },
    { "FJCVTZS", "fjcvtzs", "w" },
    { "FMOV_r", "fmov", "s d h" },
    { "FMOV_to_gp", "fmov", "w x" },
    { "FMOV_from_gp", "fmov", "s d h v" },
    { "FMOV_i", "fmov", "s d h" },
    { "DUP_element", "dup", "v" },
    { "DUP_general", "dup", "v" },
    { "INS_general", "ins mov", "v" },
    { "SMOV", "smov", "w x" },
    { "UMOV", "umov mov", "w x" },
    { "INS_element", "ins mov", "v" },
    { "DUP_element_s", "dup mov", "b h s d" },
    { "SHADD_v", "shadd", "v" },
    { "UHADD_v", "uhadd", "v" },
    { "SQADD_v", "sqadd", "v" },
    { "UQADD_v", "uqadd", "v" },
    { "SRHADD_v", "srhadd", "v" },
    { "URHADD_v", "urhadd", "v" },
    { "SHSUB_v", "shsub", "v" },
    { "UHSUB_v", "uhsub", "v" },
    { "SQSUB_v", "sqsub", "v" },
    { "UQSUB_v", "uqsub", "v" },
    { "CMGT_v", "cmgt", "v" },
    { "CMHI_v", "cmhi", "v" },
    { "CMGE_v", "cmge", "v" },
    { "CMHS_v", "cmhs", "v" },
    { "SSHL_v", "sshl", "v" },
    { "USHL_v", "ushl", "v" },
    { "SQSHL_v", "sqshl", "v" },
    { "UQSHL_v", "uqshl", "v" },
    { "SRSHL_v", "srshl", "v" },
    { "URSHL_v", "urshl", "v" },
    { "SQRSHL_v", "sqrshl", "v" },
    { "UQRSHL_v", "uqrshl", "v" },
    { "SMAX_v", "smax", "v" },
    { "UMAX_v", "umax", "v" },
    { "SMIN_v", "smin", "v" },
    { "UMIN_v", "umin", "v" },
    { "SABD_v", "sabd", "v" },
    { "UABD_v", "uabd", "v" },
    { "SABA_v", "saba", "v" },
    { "UABA_v", "uaba", "v" },
    { "ADD_v", "add", "v" },
    { "SUB_v", "sub", "v" },
    { "CMTST_v", "cmtst", "v" },
    { "CMEQ_v", "cmeq", "v" },
    { "MLA_v", "mla", "v" },
    { "MLS_v", "mls", "v" },
    { "MUL_v", "mul", "v" },
    { "PMUL_v", "pmul", "v" },
    { "SMAXP_v", "smaxp", "v" },
    { "UMAXP_v", "umaxp", "v" },
    { "SMINP_v", "sminp", "v" },
    { "UMINP_v", "uminp", "v" },
    { "SQDMULH_v", "sqdmulh", "v" },
    { "SQRDMULH_v", "sqrdmulh", "v" },
    { "ADDP_v", "addp", "v" },
    { "AND_v", "and", "v" },
    { "BIC_v", "bic", "v" },
    { "ORR_v", "orr mov", "v" },
    { "ORN_v", "orn", "v" },
    { "EOR_v", "eor", "v" },
    { "BSL_v", "bsl", "v" },
    { "BIT_v", "bit", "v" },
    { "BIF_v", "bif", "v" },
    { "REV64_v", "rev64", "v" },
    { "REV32_v", "rev32", "v" },
    { "REV16_v", "rev16", "v" },
    { "SADDLP_v", "saddlp", "v" },
    { "UADDLP_v", "uaddlp", "v" },
    { "SUQADD_v", "suqadd", "v" },
    { "USQADD_v", "usqadd", "v" },
    { "CLS_v", "cls", "v" },
    { "CLZ_v", "clz", "v" },
    { "CNT_v", "cnt", "v" },
    { "SADALP_v", "sadalp", "v" },
    { "UADALP_v", "uadalp", "v" },
    { "SQABS_v", "sqabs", "v" },
    { "SQNEG_v", "sqneg", "v" },
    { "CMGT0_v", "cmgt", "v" },
    { "CMGE0_v", "cmge", "v" },
    { "CMEQ0_v", "cmeq", "v" },
    { "CMLE0_v", "cmle", "v" },
    { "CMLT0_v", "cmlt", "v" },
    { "ABS_v", "abs", "v" },
    { "NEG_v", "neg", "v" },
    { "XTN_v", "xtn xtn2", "v" },
    { "SQXTUN_v", "sqxtun sqxtun2", "v" },
    { "SHLL_v", "shll shll2", "v" },
    { "SQXTN_v", "sqxtn sqxtn2", "v" },
    { "UQXTN_v", "uqxtn uqxtn2", "v" },
    { "NOT_v", "not mvn", "v" },
    { "RBIT_v", "rbit", "v" },
    { "SADDLV", "saddlv", "b h s d" },
    { "UADDLV", "uaddlv", "b h s d" },
    { "SMAXV", "smaxv", "b h s d" },
    { "UMAXV", "umaxv", "b h s d" },
    { "SMINV", "sminv", "b h s d" },
    { "UMINV", "uminv", "b h s d" },
    { "ADDV", "addv", "b h s d" },
    { "UZP1_v", "uzp1", "v" },
    { "TRN1_v", "trn1", "v" },
    { "ZIP1_v", "zip1", "v" },
    { "UZP2_v", "uzp2", "v" },
    { "TRN2_v", "trn2", "v" },
    { "ZIP2_v", "zip2", "v" },
    { "EXT_v", "ext", "v" },
    { "TBL_v", "tbl", "v" },
    { "TBX_v", "tbx", "v" },
    { "MOVI_v", "movi", "v d" },
    { "ORR_vi", "orr", "v" },
    { "FMOV_v", "fmov", "v" },
    { "MVNI_v", "mvni", "v" },
    { "BIC_vi", "bic", "v" },
    { "SSHR_v", "sshr", "v" },
    { "USHR_v", "ushr", "v" },
    { "SSRA_v", "ssra", "v" },
    { "USRA_v", "usra", "v" },
    { "SRSHR_v", "srshr", "v" },
    { "URSHR_v", "urshr", "v" },
    { "SRSRA_v", "srsra", "v" },
    { "URSRA_v", "ursra", "v" },
    { "SRI_v", "sri", "v" },
    { "SHL_v", "shl", "v" },
    { "SLI_v", "sli", "v" },
    { "SQSHLU_v", "sqshlu", "v" },
    { "SQSHL_i_v", "sqshl", "v" },
    { "UQSHL_i_v", "uqshl", "v" },
    { "SHRN_v", "shrn shrn2", "v" },
    { "SQSHRUN_v", "sqshrun sqshrun2", "v" },
    { "RSHRN_v", "rshrn rshrn2", "v" },
    { "SQRSHRUN_v", "sqrshrun sqrshrun2", "v" },
    { "SQSHRN_v", "sqshrn sqshrn2", "v" },
    { "UQSHRN_v", "uqshrn uqshrn2", "v" },
    { "SQRSHRN_v", "sqrshrn sqrshrn2", "v" },
    { "UQRSHRN_v", "uqrshrn uqrshrn2", "v" },
    { "SSHLL_v", "sshll sshll2 sxtl sxtl2", "v" },
    { "USHLL_v", "ushll ushll2 uxtl uxtl2", "v" },
    { "SADDL_v", "saddl saddl2", "v" },
    { "UADDL_v", "uaddl uaddl2", "v" },
    { "SADDW_v", "saddw saddw2", "v" },
    { "UADDW_v", "uaddw uaddw2", "v" },
    { "SSUBL_v", "ssubl ssubl2", "v" },
    { "USUBL_v", "usubl usubl2", "v" },
    { "SSUBW_v", "ssubw ssubw2", "v" },
    { "USUBW_v", "usubw usubw2", "v" },
    { "ADDHN_v", "addhn addhn2", "v" },
    { "RADDHN_v", "raddhn raddhn2", "v" },
    { "SABAL_v", "sabal sabal2", "v" },
    { "UABAL_v", "uabal uabal2", "v" },
    { "SUBHN_v", "subhn subhn2", "v" },
    { "RSUBHN_v", "rsubhn rsubhn2", "v" },
    { "SABDL_v", "sabdl sabdl2", "v" },
    { "UABDL_v", "uabdl uabdl2", "v" },
    { "SMLAL_v", "smlal smlal2", "v" },
    { "UMLAL_v", "umlal umlal2", "v" },
    { "SQDMLAL_v", "sqdmlal sqdmlal2", "v" },
    { "SMLSL_v", "smlsl smlsl2", "v" },
    { "UMLSL_v", "umlsl umlsl2", "v" },
    { "SQDMLSL_v", "sqdmlsl sqdmlsl2", "v" },
    { "SMULL_v", "smull smull2", "v" },
    { "UMULL_v", "umull umull2", "v" },
    { "SQDMULL_v", "sqdmull sqdmull2", "v" },
    { "PMULL_v", "pmull pmull2", "v" },
    { "SCVTF_vfixed", "scvtf", "v" },
    { "UCVTF_vfixed", "ucvtf", "v" },
    { "FCVTZS_vfixed", "fcvtzs", "v" },
    { "FCVTZU_vfixed", "fcvtzu", "v" },
    { "FMAXNM_v", "fmaxnm", "v" },
    { "FMLA_v", "fmla", "v" },
    { "FADD_v", "fadd", "v" },
    { "FMULX_v", "fmulx", "v" },
    { "FCMEQ_v", "fcmeq", "v" },
    { "FMAX_v", "fmax", "v" },
    { "FRECPS_v", "frecps", "v" },
    { "FMINNM_v", "fminnm", "v" },
    { "FMLS_v", "fmls", "v" },
    { "FSUB_v", "fsub", "v" },
    { "FMIN_v", "fmin", "v" },
    { "FRSQRTS_v", "frsqrts", "v" },
    { "FMAXNMP_v", "fmaxnmp", "v" },
    { "FADDP_v", "faddp", "v" },
    { "FMUL_v", "fmul", "v" },
    { "FCMGE_v", "fcmge", "v" },
    { "FACGE_v", "facge", "v" },
    { "FMAXP_v", "fmaxp", "v" },
    { "FDIV_v", "fdiv", "v" },
    { "FMINNMP_v", "fminnmp", "v" },
    { "FABD_v", "fabd", "v" },
    { "FCMGT_v", "fcmgt", "v" },
    { "FACGT_v", "facgt", "v" },
    { "FMINP_v", "fminp", "v" },
    { "FRINTN_v", "frintn", "v" },
    { "FRINTM_v", "frintm", "v" },
    { "FCVTNS_v", "fcvtns", "v" },
    { "FCVTMS_v", "fcvtms", "v" },
    { "FCVTAS_v", "fcvtas", "v" },
    { "SCVTF_v", "scvtf", "v" },
    { "FRINT32Z_v", "frint32z", "v" },
    { "FRINT64Z_v", "frint64z", "v" },
    { "FCMGT0_v", "fcmgt", "v" },
    { "FCMEQ0_v", "fcmeq", "v" },
    { "FCMLT0_v", "fcmlt", "v" },
    { "FABS_v", "fabs", "v" },
    { "FRINTP_v", "frintp", "v" },
    { "FRINTZ_v", "frintz", "v" },
    { "FCVTPS_v", "fcvtps", "v" },
    { "FCVTZS_v", "fcvtzs", "v" },
    { "FRECPE_v", "frecpe", "v" },
    { "FRINTA_v", "frinta", "v" },
    { "FRINTX_v", "frintx", "v" },
    { "FCVTNU_v", "fcvtnu", "v" },
    { "FCVTMU_v", "fcvtmu", "v" },
    { "FCVTAU_v", "fcvtau", "v" },
    { "UCVTF_v", "ucvtf", "v" },
    { "FRINT32X_v", "frint32x", "v" },
    { "FRINT64X_v", "frint64x", "v" },
    { "FCMGE0_v", "fcmge", "v" },
    { "FCMLE0_v", "fcmle", "v" },
    { "FNEG_v", "fneg", "v" },
    { "FRINTI_v", "frinti", "v" },
    { "FCVTPU_v", "fcvtpu", "v" },
    { "FCVTZU_v", "fcvtzu", "v" },
    { "FRSQRTE_v", "frsqrte", "v" },
    { "FSQRT_v", "fsqrt", "v" },
    { "URECPE_v", "urecpe", "v" },
    { "URSQRTE_v", "ursqrte", "v" },
    { "FCVTN_v", "fcvtn fcvtn2", "v" },
    { "FCVTL_v", "fcvtl fcvtl2", "v" },
    { "FCVTXN_v", "fcvtxn fcvtxn2", "v" },
    { "FMAXNMV", "fmaxnmv", "h s" },
    { "FMINNMV", "fminnmv", "h s" },
    { "FMAXV", "fmaxv", "h s" },
    { "FMINV", "fminv", "h s" },
    { "ADDP_s", "addp", "d" },
    { "FMAXNMP_s", "fmaxnmp", "h s d" },
    { "FMINNMP_s", "fminnmp", "h s d" },
    { "FADDP_s", "faddp", "h s d" },
    { "FMAXP_s", "fmaxp", "h s d" },
    { "FMINP_s", "fminp", "h s d" },
    { "SMLAL_x", "smlal smlal2", "v" },
    { "SQDMLAL_x", "sqdmlal sqdmlal2", "v" },
    { "SMLSL_x", "smlsl smlsl2", "v" },
    { "SQDMLSL_x", "sqdmlsl sqdmlsl2", "v" },
    { "MUL_x", "mul", "v" },
    { "SMULL_x", "smull smull2", "v" },
    { "SQDMULL_x", "sqdmull sqdmull2", "v" },
    { "SQDMULH_x", "sqdmulh", "v" },
    { "SQRDMULH_x", "sqrdmulh", "v" },
    { "MLA_x", "mla", "v" },
    { "UMLAL_x", "umlal umlal2", "v" },
    { "MLS_x", "mls", "v" },
    { "UMLSL_x", "umlsl umlsl2", "v" },
    { "UMULL_x", "umull umull2", "v" },
    { "FMLA_x", "fmla", "v" },
    { "FMLS_x", "fmls", "v" },
    { "FMUL_x", "fmul", "v" },
    { "FMULX_x", "fmulx", "v" },
    { "SHA1C", "sha1c", "q v" },
    { "SHA1P", "sha1p", "q v" },
    { "SHA1M", "sha1m", "q v" },
    { "SHA1SU0", "sha1su0", "q v" },
    { "SHA256H", "sha256h", "q v" },
    { "SHA256H2", "sha256h2", "q v" },
    { "SHA256SU1", "sha256su1", "q v" },
    { "SHA1H", "sha1h", "s v" },
    { "SHA1SU1", "sha1su1", "s v" },
    { "SHA256SU0", "sha256su0", "s v" },
    { "SQADD_s", "sqadd", "b h s d" },
    { "UQADD_s", "uqadd", "b h s d" },
    { "SQSUB_s", "sqsub", "b h s d" },
    { "UQSUB_s", "uqsub", "b h s d" },
    { "CMGT_s", "cmgt", "b h s d" },
    { "CMHI_s", "cmhi", "b h s d" },
    { "CMGE_s", "cmge", "b h s d" },
    { "CMHS_s", "cmhs", "b h s d" },
    { "SSHL_s", "sshl", "b h s d" },
    { "USHL_s", "ushl", "b h s d" },
    { "SQSHL_s", "sqshl", "b h s d" },
    { "UQSHL_s", "uqshl", "b h s d" },
    { "SRSHL_s", "srshl", "b h s d" },
    { "URSHL_s", "urshl", "b h s d" },
    { "SQRSHL_s", "sqrshl", "b h s d" },
    { "UQRSHL_s", "uqrshl", "b h s d" },
    { "ADD_s", "add", "b h s d" },
    { "SUB_s", "sub", "b h s d" },
    { "CMTST_s", "cmtst", "b h s d" },
    { "CMEQ_s", "cmeq", "b h s d" },
    { "SQDMULH_s", "sqdmulh", "b h s d" },
    { "SQRDMULH_s", "sqrdmulh", "b h s d" },
    { "FMULX_s", "fmulx", "h s d" },
    { "FCMEQ_s", "fcmeq", "h s d" },
    { "FRECPS_s", "frecps", "h s d" },
    { "FRSQRTS_s", "frsqrts", "h s d" },
    { "FABD_s", "fabd", "h s d" },
    { "FCMGE_s", "fcmge", "h s d" },
    { "FCMGT_s", "fcmgt", "h s d" },
    { "FACGE_s", "facge", "h s d" },
    { "FACGT_s", "facgt", "h s d" },
    { "SUQADD_s", "suqadd", "b h s d" },
    { "USQADD_s", "usqadd", "b h s d" },
    { "SQABS_s", "sqabs", "b h s d" },
    { "SQNEG_s", "sqneg", "b h s d" },
    { "CMGT0_s", "cmgt", "b h s d" },
    { "CMGE0_s", "cmge", "b h s d" },
    { "CMEQ0_s", "cmeq", "b h s d" },
    { "CMLE0_s", "cmle", "b h s d" },
    { "CMLT0_s", "cmlt", "b h s d" },
    { "ABS_s", "abs", "b h s d" },
    { "NEG_s", "neg", "b h s d" },
    { "SQXTN_s", "sqxtn", "b h s d" },
    { "SQXTUN_s", "sqxtun", "b h s d" },
    { "UQXTN_s", "uqxtn", "b h s d" },
    { "FCVTNS_s", "fcvtns", "h s d" },
    { "FCVTPS_s", "fcvtps", "h s d" },
    { "FCVTMS_s", "fcvtms", "h s d" },
    { "FCVTZS_s", "fcvtzs", "h s d" },
    { "FCVTAS_s", "fcvtas", "h s d" },
    { "SCVTF_s", "scvtf", "h s d" },
    { "FRECPE_s", "frecpe", "h s d" },
    { "FCMGT0_s", "fcmgt", "h s d" },
    { "FCMEQ0_s", "fcmeq", "h s d" },
    { "FCMLT0_s", "fcmlt", "h s d" },
    { "FRECPX_s", "frecpx", "h s d" },
    { "FCVTNU_s", "fcvtnu", "h s d" },
    { "FCVTPU_s", "fcvtpu", "h s d" },
    { "FCVTMU_s", "fcvtmu", "h s d" },
    { "FCVTZU_s", "fcvtzu", "h s d" },
    { "FCVTAU_s", "fcvtau", "h s d" },
    { "UCVTF_s", "ucvtf", "h s d" },
    { "FRSQRTE_s", "frsqrte", "h s d" },
    { "FCMGE0_s", "fcmge", "h s d" },
    { "FCMLE0_s", "fcmle", "h s d" },
    { "FCVTXN_s", "fcvtxn", "s" },
    { "SSHR_s", "sshr", "b h s d" },
    { "USHR_s", "ushr", "b h s d" },
    { "SSRA_s", "ssra", "b h s d" },
    { "USRA_s", "usra", "b h s d" },
    { "SRSHR_s", "srshr", "b h s d" },
    { "URSHR_s", "urshr", "b h s d" },
    { "SRSRA_s", "srsra", "b h s d" },
    { "URSRA_s", "ursra", "b h s d" },
    { "SRI_s", "sri", "b h s d" },
    { "SHL_s", "shl", "b h s d" },
    { "SLI_s", "sli", "b h s d" },
    { "SQSHLU_s", "sqshlu", "b h s d" },
    { "SQSHL_i_s", "sqshl", "b h s d" },
    { "UQSHL_i_s", "uqshl", "b h s d" },
    { "SQSHRUN_s", "sqshrun", "b h s d" },
    { "SQRSHRUN_s", "sqrshrun", "b h s d" },
    { "SQSHRN_s", "sqshrn", "b h s d" },
    { "UQSHRN_s", "uqshrn", "b h s d" },
    { "SQRSHRN_s", "sqrshrn", "b h s d" },
    { "UQRSHRN_s", "uqrshrn", "b h s d" },
    { "SCVTF_sfixed", "scvtf", "h s d" },
    { "UCVTF_sfixed", "ucvtf", "h s d" },
    { "FCVTZS_sfixed", "fcvtzs", "h s d" },
    { "FCVTZU_sfixed", "fcvtzu", "h s d" },
    { "SQDMLAL_s", "sqdmlal", "h s d" },
    { "SQDMLSL_s", "sqdmlsl", "h s d" },
    { "SQDMULL_s", "sqdmull", "h s d" },
    { "SQDMLAL_sx", "sqdmlal", "h s d" },
    { "SQDMLSL_sx", "sqdmlsl", "h s d" },
    { "SQDMULL_sx", "sqdmull", "h s d" },
    { "SQDMULH_sx", "sqdmulh", "h s d" },
    { "SQRDMULH_sx", "sqrdmulh", "h s d" },
    { "FMLA_sx", "fmla", "h s d" },
    { "FMLS_sx", "fmls", "h s d" },
    { "FMUL_sx", "fmul", "h s d" },
    { "FMULX_sx", "fmulx", "h s d" },
    { "SDOT_v", "sdot", "v" },
    { "UDOT_v", "udot", "v" },
    { "SDOT_x", "sdot", "v" },
    { "UDOT_x", "udot", "v" },
    { "BFDOT_v", "bfdot", "v" },
    { "BFMLAL_v", "bfmlalb bfmlalt", "v" },
    { "BFMMLA", "bfmmla", "v" },
    { "BFCVTN_v", "bfcvtn bfcvtn2", "v" },
    { "BFDOT_x", "bfdot", "v" },
    { "BFMLAL_x", "bfmlalb bfmlalt", "v" },
    { "SMMLA", "smmla", "v" },
    { "UMMLA", "ummla", "v" },
    { "USMMLA", "usmmla", "v" },
    { "USDOT_v", "usdot", "v" },
    { "SUDOT_x", "sudot", "v" },
    { "USDOT_x", "usdot", "v" },
    { "SQRDMLAH_v", "sqrdmlah", "v" },
    { "SQRDMLSH_v", "sqrdmlsh", "v" },
    { "FCMLA_v", "fcmla", "v" },
    { "FCADD_v", "fcadd", "v" },
    { "SQRDMLAH_s", "sqrdmlah", "h s" },
    { "SQRDMLSH_s", "sqrdmlsh", "h s" },
    { "SQRDMLAH_x", "sqrdmlah", "v" },
    { "SQRDMLAH_sx", "sqrdmlah", "h s" },
    { "SQRDMLSH_x", "sqrdmlsh", "v" },
    { "SQRDMLSH_sx", "sqrdmlsh", "h s" },
    { "FCMLA_x", "fcmla", "v" },
    { "FMLAL_x", "fmlal", "v" },
    { "FMLSL_x", "fmlsl", "v" },
    { "FMLAL2_x", "fmlal2", "v" },
    { "FMLSL2_x", "fmlsl2", "v" },
    { "FMLAL_v", "fmlal", "v" },
    { "FMLSL_v", "fmlsl", "v" },
    { "FMLAL2_v", "fmlal2", "v" },
    { "FMLSL2_v", "fmlsl2", "v" },
    { "SHA512H", "sha512h", "q v" },
    { "SHA512H2", "sha512h2", "q v" },
    { "SHA512SU1", "sha512su1", "q v" },
    { "RAX1", "rax1", "q v" },
    { "SM3PARTW1", "sm3partw1", "q v" },
    { "SM3PARTW2", "sm3partw2", "q v" },
    { "SM4EKEY", "sm4ekey", "q v" },
    { "SHA512SU0", "sha512su0", "v" },
    { "SM4E", "sm4e", "v" },
    { "EOR3", "eor3", "v" },
    { "BCAX", "bcax", "v" },
    { "SM3SS1", "sm3ss1", "v" },
    { "XAR", "xar", "v" },
    { "SM3TT1A", "sm3tt1a", "v" },
    { "SM3TT1B", "sm3tt1b", "v" },
    { "SM3TT2A", "sm3tt2a", "v" },
    { "SM3TT2B", "sm3tt2b", "v" },
    { "AESE", "aese", "v" },
    { "AESD", "aesd", "v" },
    { "AESMC", "aesmc", "v" },
    { "AESIMC", "aesimc", "v" },
};

/* Features newer than capstone 4.0.2: it rejects every encoding of these patterns. */
typedef struct NewerFeature {
    const char *feature;
    const char *patterns;
} NewerFeature;

static const NewerFeature newer_features[] = {
    { "FEAT_LSE (Armv8.1)", "CAS CASP LDADD LDCLR LDEOR LDSET LDSMAX LDSMIN LDUMAX LDUMIN SWP" },
    { "FEAT_LOR (Armv8.1)", "STLLR LDLAR" },
    { "FEAT_CSSC (Armv8.9)", "SMAX_i UMAX_i SMIN_i UMIN_i CTZ CNT ABS SMAX UMAX SMIN UMIN" },
    { "FEAT_PAuth (Armv8.3)", "PACGA PAC AUT XPAC BRAZ BLRAZ RETA ERETA BRA BLRA LDRA" },
    { "FEAT_MTE (Armv8.5)", "SUBP SUBPS IRG GMI STG LDG STZG ST2G STZ2G ADDG SUBG STGP" },
    { "FEAT_MTE2 (Armv8.5)", "STZGM STGM LDGM" },
    { "FEAT_FlagM (Armv8.4)", "RMIF SETF CFINV" },
    { "FEAT_HBC (Armv8.8)", "BC_cond" },
    { "FEAT_FlagM2 (Armv8.5)", "XAFLAG AXFLAG" },
    { "FEAT_LRCPC2 (Armv8.4)", "STLUR LDAPUR" },
    { "FEAT_LRCPC (Armv8.3)", "LDAPR" },
    { "FEAT_FRINTTS (Armv8.5)",
      "FRINT32Z FRINT32X FRINT64Z FRINT64X FRINT32Z_v FRINT32X_v FRINT64Z_v FRINT64X_v" },
    { "FEAT_JSCVT (Armv8.3)", "FJCVTZS" },
    { "FEAT_BF16 (Armv8.6)", "BFCVT" },
    { "FEAT_DotProd (Armv8.2)", "SDOT_v UDOT_v SDOT_x UDOT_x" },
    { "FEAT_BF16 (Armv8.6) vector", "BFDOT_v BFMLAL_v BFMMLA BFCVTN_v BFDOT_x BFMLAL_x" },
    { "FEAT_I8MM (Armv8.6)", "SMMLA UMMLA USMMLA USDOT_v SUDOT_x USDOT_x" },
    { "FEAT_RDM (Armv8.1)", "SQRDMLAH_v SQRDMLSH_v SQRDMLAH_s SQRDMLSH_s SQRDMLAH_x SQRDMLSH_x "
      "SQRDMLAH_sx SQRDMLSH_sx" },
    { "FEAT_FCMA (Armv8.3)", "FCMLA_v FCADD_v FCMLA_x" },
    { "FEAT_FHM (Armv8.2)", "FMLAL_v FMLSL_v FMLAL2_v FMLSL2_v FMLAL_x FMLSL_x FMLAL2_x FMLSL2_x" },
    { "FEAT_SHA512, FEAT_SHA3 (Armv8.2)",
      "SHA512H SHA512H2 SHA512SU0 SHA512SU1 RAX1 EOR3 BCAX XAR" },
    { "FEAT_SM3, FEAT_SM4 (Armv8.2)",
      "SM3PARTW1 SM3PARTW2 SM3SS1 SM3TT1A SM3TT1B SM3TT2A SM3TT2B SM4E SM4EKEY" },
};

#define RT(insn) ((insn) & 31)
#define RN(insn) (((insn) >> 5) & 31)
#define RT2(insn) (((insn) >> 10) & 31)

/* Logical immediate: DecodeBitMasks() rejects it (Arm ARM J1, shared pseudocode). */
static bool logic_imm_reserved(uint32_t insn)
{
    unsigned n = (insn >> 22) & 1, imms = (insn >> 10) & 0x3f;
    unsigned v = (n << 6) | (~imms & 0x3f);
    if (v == 0) {
        return true;
    }
    int len = 31 - __builtin_clz(v);
    if (len < 1) {
        return true;
    }
    unsigned levels = (1u << len) - 1;
    return (imms & levels) == levels;
}

/* CONSTRAINED UNPREDICTABLE register overlaps that LLVM (so capstone) refuses to print. */
static bool wback_overlap(uint32_t insn)
{
    return RT(insn) == RN(insn) && RN(insn) != 31;
}

static bool pair_overlap(uint32_t insn)
{
    bool load = (insn >> 22) & 1;
    bool wback = ((insn >> 23) & 1) != 0;       /* idx 001 post, 011 pre */
    if (load && RT(insn) == RT2(insn)) {
        return true;
    }
    return wback && RN(insn) != 31 && (RT(insn) == RN(insn) || RT2(insn) == RN(insn));
}

static bool vpair_overlap(uint32_t insn)
{
    return ((insn >> 22) & 1) && RT(insn) == RT2(insn);
}

/* DUP (general) uses only the lowest set bit of imm5; LLVM wants the bits above it zero. */
static bool dup_general_extra_bits(uint32_t insn)
{
    unsigned imm5 = (insn >> 16) & 31;
    return imm5 && (imm5 >> (__builtin_ctz(imm5) + 1)) != 0;
}

/* INS (element) ignores imm4<k-1:0> for 2^k-byte elements; LLVM wants them zero. */
static bool ins_element_ignored_bits(uint32_t insn)
{
    unsigned imm5 = (insn >> 16) & 31, imm4 = (insn >> 11) & 15;
    return imm5 && (imm4 & ((1u << __builtin_ctz(imm5)) - 1)) != 0;
}

/*
 * Known differences with capstone 4.0.2, each checked against the Arm ARM.  A gap applies to
 * the encodings with (insn & mask) == bits (mask 0: all of them).
 * kind 'i': capstone rejects encodings of this pattern (see also newer_features[]).
 * kind 'm': capstone prints a mnemonic outside the expected family (it predates the feature
 *           and shows the generic SYS/MSR/HINT form, or picks another alias).
 * kind 'a': capstone accepts words printed with this mnemonic that the Arm ARM leaves
 *           UNALLOCATED, so we decode them as UNDEFINED.
 */
/* The Advanced SIMD half-precision classes (FEAT_FP16), vector and scalar. */
static bool fp16_advsimd(uint32_t insn)
{
    static const uint32_t classes[][2] = {
        { 0x9f60c400u, 0x0e400400u }, { 0xdf60c400u, 0x5e400400u },   /* three same */
        { 0x9f7e0c00u, 0x0e780800u }, { 0xdf7e0c00u, 0x5e780800u },   /* two-register misc */
        { 0xbf7e0c00u, 0x0e300800u }, { 0xff7e0c00u, 0x5e300800u },   /* across lanes, pairwise */
        { 0x9fc00400u, 0x0f000000u }, { 0xdfc00400u, 0x5f000000u },   /* by element, size 00 */
    };
    for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
        if ((insn & classes[i][0]) == classes[i][1]) {
            return true;
        }
    }
    return false;
}

typedef struct KnownGap {
    char kind;
    const char *name;
    uint32_t mask;
    uint32_t bits;
    bool (*when)(uint32_t insn);    /* NULL: always */
    const char *reason;
} KnownGap;

static const KnownGap known_gaps[] = {
    { 'i', "AND_i", 0, 0, logic_imm_reserved, "reserved bitmask: trans_AND_i returns false" },
    { 'i', "ORR_i", 0, 0, logic_imm_reserved, "reserved bitmask: trans_ORR_i returns false" },
    { 'i', "EOR_i", 0, 0, logic_imm_reserved, "reserved bitmask: trans_EOR_i returns false" },
    { 'i', "ANDS_i", 0, 0, logic_imm_reserved, "reserved bitmask: trans_ANDS_i returns false" },
    { 'i', "STP", 0, 0, pair_overlap, "Rt/Rt2/Rn overlap is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDP", 0, 0, pair_overlap, "Rt/Rt2/Rn overlap is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDNP", 0, 0, pair_overlap, "Rt == Rt2 is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDXP", 0, 0, pair_overlap, "Rt == Rt2 is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDP_v", 0, 0, vpair_overlap, "Rt == Rt2 is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDNP_v", 0, 0, vpair_overlap, "Rt == Rt2 is CONSTRAINED UNPREDICTABLE" },
    { 'i', "STR_i", 0x00000400u, 0x00000400u, wback_overlap,
      "Rt == Rn with writeback is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDR_i", 0x00000400u, 0x00000400u, wback_overlap,
      "Rt == Rn with writeback is CONSTRAINED UNPREDICTABLE" },
    { 'i', "LDTR", 0, 0, wback_overlap, "capstone 4 wrongly treats LDTR Rt == Rn as writeback" },
    { 'i', "DUP_general", 0, 0, dup_general_extra_bits, "imm5 bits above the size bit ignored" },
    { 'i', "INS_element", 0, 0, ins_element_ignored_bits, "imm4 low bits are ignored" },
    /* Scalar FP with ftype = 11 (half precision); "*" stands for every pattern. */
    { 'i', "*", 0x5ec00000u, 0x1ec00000u, NULL, "FEAT_FP16 (Armv8.2) half precision" },
    { 'i', "FMOV_v", 0x00000800u, 0x00000800u, NULL, "FEAT_FP16 FMOV (vector, immediate)" },
    { 'i', "*", 0, 0, fp16_advsimd, "FEAT_FP16 (Armv8.2) Advanced SIMD half precision" },
    { 'i', "SCVTF_vfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "UCVTF_vfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "FCVTZS_vfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "FCVTZU_vfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "SCVTF_sfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "UCVTF_sfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "FCVTZS_sfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'i', "FCVTZU_sfixed", 0x00700000u, 0x00100000u, NULL, "FEAT_FP16 (immh = 001x)" },
    { 'm', "WFET", 0, 0, NULL, "FEAT_WFxT (Armv8.7): capstone 4 prints the MSR alias" },
    { 'm', "WFIT", 0, 0, NULL, "FEAT_WFxT (Armv8.7): capstone 4 prints the MSR alias" },
    { 'm', "DSB_nXS", 0, 0, NULL, "FEAT_XS (Armv8.7): capstone 4 prints the MSR alias" },
    { 'm', "SB", 0, 0, NULL, "FEAT_SB (Armv8.5): capstone 4 prints the MSR alias" },
    /* MSR (immediate) PSTATE fields newer than capstone 4 (mask: op1, CRn, op2). */
    { 'i', "MSR_i", 0xfffff0e0u, 0xd5004060u, NULL, "UAO (Armv8.2)" },
    { 'i', "MSR_i", 0xfffff0e0u, 0xd5014000u, NULL, "ALLINT/PM (Armv8.8/9.4)" },
    { 'i', "MSR_i", 0xfffff0e0u, 0xd5034020u, NULL, "SSBS (Armv8.5)" },
    { 'i', "MSR_i", 0xfffff0e0u, 0xd5034040u, NULL, "DIT (Armv8.4)" },
    { 'i', "MSR_i", 0xfffff0e0u, 0xd5034060u, NULL, "SVCR (SME)" },
    { 'i', "MSR_i", 0xfffff0e0u, 0xd5034080u, NULL, "TCO (FEAT_MTE)" },
    /* TSTART/TTEST (FEAT_TME) space, L=1 op0=00: capstone prints a bogus MRS. */
    /* op0=00 outside the hint/barrier/PSTATE/WFxT encodings: capstone prints a bogus MSR. */
    { 'a', "msr", 0x00380000u, 0x00000000u, NULL, "L=0 with op0=00 is not MSR (register)" },
    { 'a', "mrs", 0x00380000u, 0x00200000u, NULL, "L=1 with op0=00 is not MRS (FEAT_TME space)" },
};

static int failures;
static int gaps_seen;
static bool verbose;
static csh cs;

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rnd32(void)
{
    /* xorshift64*: deterministic, so a failure reproduces with the same DECODE_SEED. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

static bool matches(const DecodePattern *p, uint32_t insn)
{
    return (insn & p->mask) == p->bits;
}

static const Expectation *expectation(const char *pattern)
{
    for (size_t i = 0; i < sizeof(expectations) / sizeof(expectations[0]); i++) {
        if (!strcmp(expectations[i].pattern, pattern)) {
            return &expectations[i];
        }
    }
    return NULL;
}

/*
 * Does s match an entry of the space-separated list?  An entry matches s exactly, or as a
 * prefix when it ends in '*' or when prefix is true.
 */
static bool list_match(const char *list, const char *s, bool prefix)
{
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool star = len && p[len - 1] == '*';
        size_t cmp = star ? len - 1 : len;
        if (!strncmp(p, s, cmp) && (star || prefix || strlen(s) == len)) {
            return true;
        }
        if (!end) {
            break;
        }
        p = end + 1;
    }
    return false;
}

static const KnownGap *known_gap(char kind, const char *name, uint32_t insn)
{
    static KnownGap newer;
    for (size_t i = 0; kind == 'i' && i < sizeof(newer_features) / sizeof(newer_features[0]);
         i++) {
        if (list_match(newer_features[i].patterns, name, false)) {
            newer.kind = 'i';
            newer.name = name;
            newer.reason = newer_features[i].feature;
            return &newer;
        }
    }
    for (size_t i = 0; i < sizeof(known_gaps) / sizeof(known_gaps[0]); i++) {
        if (known_gaps[i].kind == kind &&
            (!strcmp(known_gaps[i].name, name) || !strcmp(known_gaps[i].name, "*")) &&
            (insn & known_gaps[i].mask) == known_gaps[i].bits &&
            (!known_gaps[i].when || known_gaps[i].when(insn))) {
            return &known_gaps[i];
        }
    }
    return NULL;
}

/* Disassemble; returns false if capstone has no instruction for the word. */
static bool disas(uint32_t insn, char *mn, size_t mn_len, char *ops, size_t ops_len)
{
    uint8_t bytes[4] = { insn, insn >> 8, insn >> 16, insn >> 24 };
    cs_insn *ci;
    size_t n = cs_disasm(cs, bytes, 4, 0x1000, 1, &ci);
    if (n != 1) {
        return false;
    }
    snprintf(mn, mn_len, "%s", ci->mnemonic);
    snprintf(ops, ops_len, "%s", ci->op_str);
    cs_free(ci, n);
    return true;
}

/* Run one decoder; returns the pattern name it chose, or NULL. */
static const char *decode_with(const DecodeFile *f, uint32_t insn)
{
    static DisasContext ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.unimp_result = true;
    if (!f->decode(&ctx, insn)) {
        return NULL;
    }
    return ctx.unimp;
}

/* The pattern of file f named name that matches insn and comes first in table order. */
static int find_pattern(const DecodeFile *f, const char *name, uint32_t insn)
{
    for (unsigned i = 0; i < *f->count; i++) {
        if (!strcmp(f->patterns[i].name, name) && matches(&f->patterns[i], insn)) {
            return i;
        }
    }
    return -1;
}

typedef struct Tally {
    int bad_capstone;
    int gap;
    uint32_t example;
    char got[200];
} Tally;

static void check_patterns(const DecodeFile *f, int fi)
{
    for (unsigned i = 0; i < *f->count; i++) {
        const DecodePattern *p = &f->patterns[i];
        int self_hits = 0;
        Tally t = { 0 };
        if (!expectation(p->name)) {
            printf("FAIL %s:%d: %s has no capstone expectation in this test\n",
                   p->file, p->line, p->name);
            failures++;
        }
        for (int k = 0; k < SAMPLES_PER_PATTERN; k++) {
            uint32_t insn = (rnd32() & ~p->mask) | p->bits;
            const char *chosen = decode_with(f, insn);
            if (!chosen) {
                printf("FAIL %s:%d: %s: decoder rejects 0x%08x\n", p->file, p->line, p->name,
                       insn);
                failures++;
                break;
            }
            int j = find_pattern(f, chosen, insn);
            if (j < 0 || (j != (int)i && !(j < (int)i && p->group && f->patterns[j].group ==
                                            p->group))) {
                printf("FAIL %s:%d: %s: decoder chose %s for 0x%08x\n", p->file, p->line,
                       p->name, chosen, insn);
                failures++;
                break;
            }
            if (j == (int)i) {
                self_hits++;
            }
            for (unsigned g = 0; g < NUM_FILES; g++) {
                if ((int)g == fi) {
                    continue;
                }
                for (unsigned q = 0; q < *files[g].count; q++) {
                    if (matches(&files[g].patterns[q], insn)) {
                        printf("FAIL %s:%d: %s and %s (%s:%d) both match 0x%08x\n", p->file,
                               p->line, p->name, files[g].patterns[q].name,
                               files[g].patterns[q].file, files[g].patterns[q].line, insn);
                        failures++;
                    }
                }
            }
            char mn[32], ops[160];
            const char *ename = f->patterns[j].name;
            const Expectation *eexp = expectation(ename);
            if (!disas(insn, mn, sizeof(mn), ops, sizeof(ops))) {
                if (known_gap('i', ename, insn)) {
                    t.gap++;
                    continue;
                }
                if (!t.bad_capstone++) {
                    t.example = insn;
                    snprintf(t.got, sizeof(t.got), "(invalid)");
                }
                continue;
            }
            if (eexp && (!list_match(eexp->mnemonics, mn, false) ||
                         (eexp->first_operand && !list_match(eexp->first_operand, ops, true)))) {
                if (known_gap('m', ename, insn)) {
                    t.gap++;
                    continue;
                }
                if (!t.bad_capstone++) {
                    t.example = insn;
                    snprintf(t.got, sizeof(t.got), "%s %s", mn, ops);
                }
            }
        }
        if (t.bad_capstone) {
            printf("FAIL %s:%d: %s: %d/%d samples disagree with capstone, e.g. 0x%08x -> %s\n",
                   p->file, p->line, p->name, t.bad_capstone, SAMPLES_PER_PATTERN, t.example,
                   t.got);
            failures++;
        }
        gaps_seen += t.gap;
        if (!self_hits) {
            printf("FAIL %s:%d: %s is never chosen by the decoder (shadowed)\n", p->file,
                   p->line, p->name);
            failures++;
        }
    }
}

static void check_shadowing(const DecodeFile *f)
{
    for (unsigned j = 0; j < *f->count; j++) {
        const DecodePattern *b = &f->patterns[j];
        for (unsigned i = 0; i < j && b->group; i++) {
            const DecodePattern *a = &f->patterns[i];
            if (a->group == b->group && (a->mask & ~b->mask) == 0 &&
                ((a->bits ^ b->bits) & a->mask) == 0) {
                printf("FAIL %s:%d: %s is shadowed by %s (line %d)\n", b->file, b->line,
                       b->name, a->name, a->line);
                failures++;
            }
        }
    }
}

/* Which decode file owns an encoding, from op0 = bits[28:25] (Arm ARM C4.1). */
static int file_for(uint32_t insn)
{
    unsigned op0 = (insn >> 25) & 0xf;
    if ((op0 & 0xe) == 0x8) {
        return 0;
    }
    if ((op0 & 0xe) == 0xa) {
        return 1;
    }
    if ((op0 & 0x5) == 0x4) {
        return 2;
    }
    if ((op0 & 0x7) == 0x5) {
        return 3;
    }
    if ((op0 & 0x7) == 0x7) {
        return 4;
    }
    return -1;
}

/*
 * Scope of the random-word check: the SIMD&FP file holds the scalar floating-point group, the
 * register moves and the Advanced SIMD integer vector classes so far.
 */
/* Advanced SIMD mnemonics of the classes a64-simd-fp.decode covers, by operand form. */
static const char simd_vector_mnemonics[] =
    "abs add addhn addhn2 addp aesd aese aesimc aesmc and bfcvtn bfcvtn2 bfdot bfmlalb "
    "bfmlalt bfmmla bic bif bit bsl cls clz cmeq cmge cmgt cmhi cmhs cmle cmlt cmtst cnt "
    "eor ext fabd fabs facge facgt fadd faddp fcadd fcmeq fcmge fcmgt fcmla fcmle fcmlt "
    "fcvtas fcvtau fcvtl fcvtl2 fcvtms fcvtmu fcvtn fcvtn2 fcvtns fcvtnu fcvtps fcvtpu "
    "fcvtxn fcvtxn2 fcvtzs fcvtzu fdiv fmax fmaxnm fmaxnmp fmaxp fmin fminnm fminnmp "
    "fminp fmla fmlal fmlal2 fmls fmlsl fmlsl2 fmul fmulx fneg frecpe frecps frint32x "
    "frint32z frint64x frint64z frinta frinti frintm frintn frintp frintx frintz frsqrte "
    "frsqrts fsqrt fsub mla mls mul mvn mvni neg not orn orr pmul pmull pmull2 raddhn "
    "raddhn2 rbit rev16 rev32 rev64 rshrn rshrn2 rsubhn rsubhn2 saba sabal sabal2 sabd "
    "sabdl sabdl2 sadalp saddl saddl2 saddlp saddw saddw2 scvtf sdot shadd shl shll shll2 "
    "shrn shrn2 shsub sli smax smaxp smin sminp smlal smlal2 smlsl smlsl2 smmla smull "
    "smull2 sqabs sqadd sqdmlal sqdmlal2 sqdmlsl sqdmlsl2 sqdmulh sqdmull sqdmull2 sqneg "
    "sqrdmlah sqrdmlsh sqrdmulh sqrshl sqrshrn sqrshrn2 sqrshrun sqrshrun2 sqshl sqshlu "
    "sqshrn sqshrn2 sqshrun sqshrun2 sqsub sqxtn sqxtn2 sqxtun sqxtun2 srhadd sri srshl "
    "srshr srsra sshl sshll sshll2 sshr ssra ssubl ssubl2 ssubw ssubw2 sub subhn subhn2 "
    "suqadd sxtl sxtl2 tbl tbx trn1 trn2 uaba uabal uabal2 uabd uabdl uabdl2 uadalp uaddl "
    "uaddl2 uaddlp uaddw uaddw2 ucvtf udot uhadd uhsub umax umaxp umin uminp umlal umlal2 "
    "umlsl umlsl2 ummla umull umull2 uqadd uqrshl uqrshrn uqrshrn2 uqshl uqshrn uqshrn2 "
    "uqsub uqxtn uqxtn2 urecpe urhadd urshl urshr ursqrte ursra usdot ushl ushll ushll2 "
    "ushr usmmla usqadd usra usubl usubl2 usubw usubw2 uxtl uxtl2 uzp1 uzp2 xtn xtn2 zip1 "
    "zip2";
/* By element, vector (first operand v) and scalar forms. */
static const char simd_element_mnemonics[] =
    "bfdot bfmlalb bfmlalt fcmla fmla fmlal fmlal2 fmls fmlsl fmlsl2 fmul fmulx mla mls "
    "mul sdot smlal smlal2 smlsl smlsl2 smull smull2 sqdmlal sqdmlal2 sqdmlsl sqdmlsl2 "
    "sqdmulh sqdmull sqdmull2 sqrdmlah sqrdmlsh sqrdmulh sudot udot umlal umlal2 umlsl "
    "umlsl2 umull umull2 usdot";
static const char simd_scalar_element_mnemonics[] =
    "fmla fmls fmul fmulx sqdmlal sqdmlsl sqdmulh sqdmull sqrdmlah sqrdmlsh sqrdmulh";
/* Scalar results: across lanes, scalar pairwise and the crypto instructions. */
static const char simd_scalar_mnemonics[] =
    "addp bcax eor3 faddp fmaxnmp fmaxnmv fmaxp fmaxv fminnmp fminnmv fminp fminv rax1 "
    "sha1c sha1h sha1m sha1p sha1su0 sha1su1 sha256h sha256h2 sha256su0 sha256su1 sha512h "
    "sha512h2 sha512su0 sha512su1 sm3partw1 sm3partw2 sm3ss1 sm3tt1a sm3tt1b sm3tt2a "
    "sm3tt2b sm4e sm4ekey xar";
/* Scalar three same (extra), two-register misc, shift by immediate and three different. */
static const char simd_scalar_int_mnemonics[] =
    "abs add cmeq cmge cmgt cmhi cmhs cmle cmlt cmtst neg shl sli sqabs sqadd sqdmlal "
    "sqdmlsl sqdmulh sqdmull sqneg sqrdmlah sqrdmlsh sqrdmulh sqrshl sqrshrn sqrshrun "
    "sqshl sqshlu sqshrn sqshrun sqsub sqxtn sqxtun sri srshl srshr srsra sshl sshr ssra "
    "sub suqadd uqadd uqrshl uqrshrn uqshl uqshrn uqsub uqxtn urshl urshr ursra ushl ushr "
    "usqadd usra";
static const char simd_scalar_fp_mnemonics[] =
    "fabd facge facgt fcmeq fcmge fcmgt fcmle fcmlt fcvtas fcvtau fcvtms fcvtmu fcvtns "
    "fcvtnu fcvtps fcvtpu fcvtxn fcvtzs fcvtzu fmulx frecpe frecps frecpx frsqrte frsqrts "
    "scvtf ucvtf";
static const char simd_across_lanes[] = "addv saddlv uaddlv smaxv umaxv sminv uminv";

static bool in_scope(int fi, uint32_t insn, const char *mn, const char *ops)
{
    if (fi == 4) {
        /* Scalar floating-point: bit 30 = 0 and bits[28:25] = 1111. */
        if ((insn & 0x5e000000u) == 0x1e000000u) {
            return true;
        }
        /* Every FMOV, MOV and MOVI form of this group is decoded. */
        if (!strcmp(mn, "fmov") || !strcmp(mn, "mov") || !strcmp(mn, "movi")) {
            return true;
        }
        if (list_match(simd_across_lanes, mn, false)) {
            return true;
        }
        if (!strcmp(mn, "umov") || !strcmp(mn, "smov") || !strcmp(mn, "ins") ||
            !strcmp(mn, "dup")) {
            return true;
        }
        if (strchr(ops, '[')) {
            if (ops[0] == 'v') {
                return list_match(simd_element_mnemonics, mn, false);
            }
            return list_match(simd_scalar_element_mnemonics, mn, false);
        }
        if (list_match(simd_scalar_mnemonics, mn, false)) {
            return true;
        }
        if (ops[0] == 'v') {
            return list_match(simd_vector_mnemonics, mn, false);
        }
        if (list_match(simd_scalar_int_mnemonics, mn, false)) {
            return strchr("bhsd", ops[0]) != NULL;
        }
        return list_match(simd_scalar_fp_mnemonics, mn, false) && strchr("hsd", ops[0]) != NULL;
    }
    return true;
}

static int words_checked, words_unmatched;

/* Check 3 for one word: if capstone knows it and it is in scope, some pattern must match. */
static void check_word(uint32_t insn)
{
    char mn[32], ops[160];
    int fi = file_for(insn);
    if (fi < 0 || !disas(insn, mn, sizeof(mn), ops, sizeof(ops))) {
        return;
    }
    if (!in_scope(fi, insn, mn, ops)) {
        return;
    }
    words_checked++;
    if (decode_with(&files[fi], insn)) {
        return;
    }
    if (known_gap('a', mn, insn)) {
        gaps_seen++;
        return;
    }
    if (words_unmatched++ < 40 || verbose) {
        printf("FAIL capstone decodes 0x%08x as \"%s %s\" but no %s pattern matches\n",
               insn, mn, ops, files[fi].name);
    }
}

/*
 * Uniformly random words rarely land on narrow encodings, so also try the neighbours of every
 * pattern: its samples with one or two of its fixed bits flipped.
 */
static void check_neighbours(void)
{
    for (unsigned fi = 0; fi < NUM_FILES; fi++) {
        for (unsigned i = 0; i < *files[fi].count; i++) {
            const DecodePattern *p = &files[fi].patterns[i];
            for (int k = 0; k < SAMPLES_PER_PATTERN; k++) {
                uint32_t insn = (rnd32() & ~p->mask) | p->bits;
                for (int flips = 1 + (k & 1); flips > 0; flips--) {
                    uint32_t bit;
                    do {
                        bit = 1u << (rnd32() & 31);
                    } while (!(p->mask & bit));
                    insn ^= bit;
                }
                check_word(insn);
            }
        }
    }
}

static void check_random_words(void)
{
    for (int k = 0; k < RANDOM_WORDS; k++) {
        check_word(rnd32());
    }
    check_neighbours();
    if (words_unmatched) {
        printf("FAIL %d words that capstone decodes are not matched\n", words_unmatched);
        failures++;
    }
    printf("%d in-scope words checked against capstone (random and neighbours); %d unmatched\n",
           words_checked, words_unmatched);
}

/*
 * --samples N: print N decoder-checked samples per pattern as "insn name mnemonics operands"
 * (tab-separated) for check-objdump.py, which asks a second disassembler about them.
 */
static int dump_samples(int n)
{
    for (unsigned fi = 0; fi < NUM_FILES; fi++) {
        const DecodeFile *f = &files[fi];
        for (unsigned i = 0; i < *f->count; i++) {
            const DecodePattern *p = &f->patterns[i];
            for (int k = 0; k < n; k++) {
                uint32_t insn = (rnd32() & ~p->mask) | p->bits;
                const char *chosen = decode_with(f, insn);
                const Expectation *e = chosen ? expectation(chosen) : NULL;
                if (!e) {
                    printf("FAIL %s:%d: %s: no decoder result or expectation for 0x%08x\n",
                           p->file, p->line, p->name, insn);
                    return 1;
                }
                printf("%08x\t%s\t%s:%d\t%s\t%s\n", insn, chosen, p->file, p->line,
                       e->mnemonics, e->first_operand ? e->first_operand : "-");
            }
        }
    }
    return 0;
}

/*
 * --words N: print N random words and, per pattern, N/256 neighbours (see check_neighbours) as
 * "insn decoder matched" for check-objdump.py's reverse check.
 */
static int dump_words(int n)
{
    for (int k = 0; k < n; k++) {
        uint32_t insn = rnd32();
        int fi = file_for(insn);
        if (fi >= 0) {
            printf("%08x\t%s\t%d\n", insn, files[fi].name, decode_with(&files[fi], insn) != NULL);
        }
    }
    for (unsigned fi = 0; fi < NUM_FILES; fi++) {
        for (unsigned i = 0; i < *files[fi].count; i++) {
            const DecodePattern *p = &files[fi].patterns[i];
            for (int k = 0; k < n / 256; k++) {
                uint32_t insn = (rnd32() & ~p->mask) | p->bits;
                uint32_t bit;
                do {
                    bit = 1u << (rnd32() & 31);
                } while (!(p->mask & bit));
                insn ^= bit;
                int g = file_for(insn);
                if (g >= 0) {
                    printf("%08x\t%s\t%d\n", insn, files[g].name,
                           decode_with(&files[g], insn) != NULL);
                }
            }
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *seed = getenv("DECODE_SEED");
    verbose = getenv("DECODE_VERBOSE") != NULL;
    if (seed) {
        rng_state = strtoull(seed, NULL, 0) | 1;
    }
    if (argc == 3 && !strcmp(argv[1], "--samples")) {
        return dump_samples(atoi(argv[2]));
    }
    if (argc == 3 && !strcmp(argv[1], "--words")) {
        return dump_words(atoi(argv[2]));
    }
    if (cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &cs) != CS_ERR_OK) {
        printf("FAIL cannot open capstone for AArch64\n");
        return 1;
    }
    unsigned total = 0;
    for (unsigned fi = 0; fi < NUM_FILES; fi++) {
        check_shadowing(&files[fi]);
        check_patterns(&files[fi], fi);
        total += *files[fi].count;
    }
    check_random_words();
    cs_close(&cs);
    printf("%u patterns, %d samples in known capstone gaps, %d failure(s)\n", total, gaps_seen,
           failures);
    return failures ? 1 : 0;
}
