/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-decode-ok.c: behaviour of a generated decoder (ok-basic.decode) on hand-built encodings. */
#include <stdio.h>
#include <string.h>

#include "ok-ctx.h"
#include "decode-ok-basic.h"

static int failures;
static int last_rd, last_rn, last_rm, last_imm;

#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++; \
        } \
    } while (0)

static void note(DisasContext *s, const char *name)
{
    s->calls++;
    if (s->log[0]) {
        strcat(s->log, " ");
    }
    strcat(s->log, name);
}

bool decode_unimplemented(DisasContext *s, const char *pattern_name)
{
    note(s, "unimp");
    snprintf(s->unimp, sizeof(s->unimp), "%s", pattern_name);
    return s->unimp_result;
}

int times4(DisasContext *s, int x)
{
    return x * 4;
}

static bool record_ri(DisasContext *s, const char *name, arg_ri *a)
{
    note(s, name);
    last_rd = a->rd;
    last_imm = a->imm;
    return true;
}

bool trans_PCREL(DisasContext *s, arg_ri *a)
{
    return record_ri(s, "PCREL", a);
}

bool trans_SPECIAL(DisasContext *s, arg_ri *a)
{
    note(s, "SPECIAL");
    last_rd = a->rd;
    last_imm = a->imm;
    return a->rd != 7;
}

bool trans_GEN_A(DisasContext *s, arg_ri *a)
{
    return record_ri(s, "GEN_A", a);
}

bool trans_GEN_B(DisasContext *s, arg_ri *a)
{
    return record_ri(s, "GEN_B", a);
}

bool trans_SCALED(DisasContext *s, arg_ri *a)
{
    return record_ri(s, "SCALED", a);
}

bool trans_MULTI(DisasContext *s, arg_ri *a)
{
    return record_ri(s, "MULTI", a);
}

static bool record_rrr(DisasContext *s, const char *name, arg_rrr *a)
{
    note(s, name);
    last_rd = a->rd;
    last_rn = a->rn;
    last_rm = a->rm;
    return true;
}

bool trans_ADD3(DisasContext *s, arg_rrr *a)
{
    return record_rrr(s, "ADD3", a);
}

bool trans_ADDSP(DisasContext *s, arg_rrr *a)
{
    return record_rrr(s, "ADDSP", a);
}

bool trans_LIT(DisasContext *s, arg_none *a)
{
    note(s, "LIT");
    return true;
}

/* trans_NOARG is deliberately not defined: the generated weak default must be used. */

static DisasContext ctx;

static bool run(uint32_t insn, bool unimp_result)
{
    memset(&ctx, 0, sizeof(ctx));
    ctx.unimp_result = unimp_result;
    last_rd = last_rn = last_rm = last_imm = -1000;
    return decode_ok_basic(&ctx, insn);
}

int main(void)
{
    /* PCREL: imm = SignExtend(immhi:immlo); all ones is -1, immhi=1 immlo=2 is 6. */
    CHECK(run(0x00000000u | (3u << 29) | (0x10u << 24) | (0x7ffffu << 5) | 9, false));
    CHECK(!strcmp(ctx.log, "PCREL") && last_rd == 9 && last_imm == -1);
    CHECK(run((2u << 29) | (0x10u << 24) | (1u << 5) | 30, false));
    CHECK(!strcmp(ctx.log, "PCREL") && last_rd == 30 && last_imm == 6);
    /* Most negative: immhi = 0x40000, immlo = 0 -> -(1 << 20). */
    CHECK(run((0x10u << 24) | (0x40000u << 5), false));
    CHECK(last_imm == -(1 << 20));

    /* Overlapping group: SPECIAL accepts, so GEN_A is not tried. */
    CHECK(run(0x80000003u, false));
    CHECK(!strcmp(ctx.log, "SPECIAL") && last_rd == 3 && last_imm == 42);
    /* SPECIAL declines rd == 7: falls through to GEN_A (imm 0). */
    CHECK(run(0x80000007u, false));
    CHECK(!strcmp(ctx.log, "SPECIAL GEN_A") && last_rd == 7 && last_imm == 0);
    CHECK(run(0x80000000u | (21u << 5) | 4, false));
    CHECK(!strcmp(ctx.log, "GEN_A") && last_rd == 4 && last_imm == 21);
    /* GEN_B: imm:s5, 0b10000 is -16. */
    CHECK(run(0xc0000000u | (16u << 5) | 1, false));
    CHECK(!strcmp(ctx.log, "GEN_B") && last_rd == 1 && last_imm == -16);
    CHECK(!run(0xc0000400u, false) && ctx.calls == 0);

    /* !function: imm = times4(bits[15:10]); the '-' bits 9:5 are ignored. */
    CHECK(run(0x40000000u | (5u << 10) | 1, false));
    CHECK(!strcmp(ctx.log, "SCALED") && last_rd == 1 && last_imm == 20);
    CHECK(run(0x40000000u | (63u << 10) | (0x1fu << 5) | 2, false));
    CHECK(!strcmp(ctx.log, "SCALED") && last_rd == 2 && last_imm == 252);

    CHECK(run(0x60000000u | (17u << 16) | (5u << 5) | 29, false));
    CHECK(!strcmp(ctx.log, "ADD3") && last_rd == 29 && last_rn == 5 && last_rm == 17);
    CHECK(run(0x61000000u | (2u << 16) | (31u << 5) | 8, false));
    CHECK(!strcmp(ctx.log, "ADDSP") && last_rd == 8 && last_rn == 31 && last_rm == 2);
    /* ADD3 with a non-zero bits[15:10] is no pattern. */
    CHECK(!run(0x60000400u, false) && ctx.calls == 0);

    CHECK(run(0x71000000u, false) && !strcmp(ctx.log, "LIT"));
    /* No strong trans_NOARG: the weak default reports the name and returns its result. */
    CHECK(!run(0x71000001u, false) && !strcmp(ctx.log, "unimp") && !strcmp(ctx.unimp, "NOARG"));
    CHECK(run(0x71000001u, true) && !strcmp(ctx.unimp, "NOARG"));
    CHECK(run(0x7800001fu, false));
    CHECK(!strcmp(ctx.log, "MULTI") && last_rd == 31 && last_imm == -3);
    CHECK(!run(0xffffffffu, false) && ctx.calls == 0);

    /* The pattern table: source order, lines, masks and the overlapping group. */
    CHECK(decode_ok_basic_pattern_count == 10);
    const DecodePattern *p = decode_ok_basic_patterns;
    CHECK(!strcmp(p[0].name, "PCREL") && p[0].line == 12 && p[0].group == 0);
    CHECK(p[0].mask == 0x9f000000u && p[0].bits == 0x10000000u);
    CHECK(!strcmp(p[1].name, "SPECIAL") && p[1].line == 16 && p[1].group != 0);
    CHECK(p[1].mask == 0xffffffe0u && p[1].bits == 0x80000000u);
    CHECK(!strcmp(p[2].name, "GEN_A") && p[2].group == p[1].group);
    CHECK(!strcmp(p[3].name, "GEN_B") && p[3].group == p[1].group);
    CHECK(p[3].mask == 0xfffffc00u && p[3].bits == 0xc0000000u);
    CHECK(!strcmp(p[4].name, "SCALED") && p[4].mask == 0xffff0000u && p[4].group == 0);
    CHECK(!strcmp(p[6].name, "ADDSP") && p[6].mask == 0xffe0ffe0u && p[6].bits == 0x610003e0u);
    CHECK(!strcmp(p[9].name, "MULTI") && p[9].line == 29 && !strcmp(p[9].file, "ok-basic.decode"));

    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("ok-basic decoder: all checks passed\n");
    return 0;
}
