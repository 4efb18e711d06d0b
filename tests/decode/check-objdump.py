#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# check-objdump.py: a second oracle for the A64 patterns.  GNU objdump knows the recent
# architecture extensions that capstone 4 lacks (LSE, PAuth, MTE, RCpc, FlagM, ...), so every
# pattern's samples are disassembled here too and must print a mnemonic of the pattern's family.
# Reverse check: random words and neighbours of the patterns that objdump decodes as an
# instruction of a covered class must be accepted by our decoders.

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

SAMPLES = 64
WORDS = 100000

# Encodings GNU objdump (binutils 2.40) prints differently, each checked against the Arm ARM.
# (pattern, predicate on the encoding, reason); predicates take the 32-bit word.
def rt_eq_rt2(insn):
    return (insn & 31) == ((insn >> 10) & 31)


def pair_overlap(insn):
    load = (insn >> 22) & 1
    wback = (insn >> 23) & 1
    rt, rt2, rn = insn & 31, (insn >> 10) & 31, (insn >> 5) & 31
    if load and rt == rt2:
        return True
    return bool(wback) and rn != 31 and (rt == rn or rt2 == rn)


def ldpsw_overlap(insn):
    return (insn >> 30) == 1 and pair_overlap(insn)


def ordered_sbo_not_ones(insn):
    return ((insn >> 16) & 31) != 31 or ((insn >> 10) & 31) != 31


def logic_imm_reserved(insn):
    n = (insn >> 22) & 1
    imms = (insn >> 10) & 0x3f
    v = (n << 6) | (~imms & 0x3f)
    if v == 0:
        return True
    length = v.bit_length() - 1
    if length < 1:
        return True
    levels = (1 << length) - 1
    return (imms & levels) == levels


KNOWN_GAPS = [
    ('AND_i', logic_imm_reserved, 'reserved bitmask immediate: trans_AND_i returns false'),
    ('ORR_i', logic_imm_reserved, 'reserved bitmask immediate: trans_ORR_i returns false'),
    ('EOR_i', logic_imm_reserved, 'reserved bitmask immediate: trans_EOR_i returns false'),
    ('ANDS_i', logic_imm_reserved, 'reserved bitmask immediate: trans_ANDS_i returns false'),
    ('LDP', ldpsw_overlap, 'LDPSW register overlap is CONSTRAINED UNPREDICTABLE'),
    ('LDAR', ordered_sbo_not_ones,
     'Rs/Rt2 should be one; we take the choice to ignore them, binutils rejects them'),
    ('LDLAR', ordered_sbo_not_ones,
     'Rs/Rt2 should be one; we take the choice to ignore them, binutils rejects them'),
    ('STLR', ordered_sbo_not_ones,
     'Rs/Rt2 should be one; we take the choice to ignore them, binutils rejects them'),
    ('STLLR', ordered_sbo_not_ones,
     'Rs/Rt2 should be one; we take the choice to ignore them, binutils rejects them'),
]


# Instructions of covered classes that we do not decode yet (reverse check), by mnemonic prefix.
NOT_DECODED = [
    (('tcancel', 'tcommit', 'tstart', 'ttest'), 'FEAT_TME'),
    (('cpy', 'set'), 'FEAT_MOPS memory copy and set'),
    (('ld64b', 'st64b'), 'FEAT_LS64'),
]

# Advanced SIMD mnemonics of the covered classes, by operand form; see in_scope() in the C
# test, which holds the same lists.
SIMD_VECTOR = (
    'abs add addhn addhn2 addp aesd aese aesimc aesmc and bfcvtn bfcvtn2 bfdot bfmlalb '
    'bfmlalt bfmmla bic bif bit bsl cls clz cmeq cmge cmgt cmhi cmhs cmle cmlt cmtst cnt '
    'eor ext fabd fabs facge facgt fadd faddp fcadd fcmeq fcmge fcmgt fcmla fcmle fcmlt '
    'fcvtas fcvtau fcvtl fcvtl2 fcvtms fcvtmu fcvtn fcvtn2 fcvtns fcvtnu fcvtps fcvtpu '
    'fcvtxn fcvtxn2 fcvtzs fcvtzu fdiv fmax fmaxnm fmaxnmp fmaxp fmin fminnm fminnmp '
    'fminp fmla fmlal fmlal2 fmls fmlsl fmlsl2 fmul fmulx fneg frecpe frecps frint32x '
    'frint32z frint64x frint64z frinta frinti frintm frintn frintp frintx frintz frsqrte '
    'frsqrts fsqrt fsub mla mls mul mvn mvni neg not orn orr pmul pmull pmull2 raddhn '
    'raddhn2 rbit rev16 rev32 rev64 rshrn rshrn2 rsubhn rsubhn2 saba sabal sabal2 sabd '
    'sabdl sabdl2 sadalp saddl saddl2 saddlp saddw saddw2 scvtf sdot shadd shl shll shll2 '
    'shrn shrn2 shsub sli smax smaxp smin sminp smlal smlal2 smlsl smlsl2 smmla smull '
    'smull2 sqabs sqadd sqdmlal sqdmlal2 sqdmlsl sqdmlsl2 sqdmulh sqdmull sqdmull2 sqneg '
    'sqrdmlah sqrdmlsh sqrdmulh sqrshl sqrshrn sqrshrn2 sqrshrun sqrshrun2 sqshl sqshlu '
    'sqshrn sqshrn2 sqshrun sqshrun2 sqsub sqxtn sqxtn2 sqxtun sqxtun2 srhadd sri srshl '
    'srshr srsra sshl sshll sshll2 sshr ssra ssubl ssubl2 ssubw ssubw2 sub subhn subhn2 '
    'suqadd sxtl sxtl2 tbl tbx trn1 trn2 uaba uabal uabal2 uabd uabdl uabdl2 uadalp uaddl '
    'uaddl2 uaddlp uaddw uaddw2 ucvtf udot uhadd uhsub umax umaxp umin uminp umlal umlal2 '
    'umlsl umlsl2 ummla umull umull2 uqadd uqrshl uqrshrn uqrshrn2 uqshl uqshrn uqshrn2 '
    'uqsub uqxtn uqxtn2 urecpe urhadd urshl urshr ursqrte ursra usdot ushl ushll ushll2 '
    'ushr usmmla usqadd usra usubl usubl2 usubw usubw2 uxtl uxtl2 uzp1 uzp2 xtn xtn2 zip1 '
    'zip2'
).split()
SIMD_ELEMENT = (
    'bfdot bfmlalb bfmlalt fcmla fmla fmlal fmlal2 fmls fmlsl fmlsl2 fmul fmulx mla mls '
    'mul sdot smlal smlal2 smlsl smlsl2 smull smull2 sqdmlal sqdmlal2 sqdmlsl sqdmlsl2 '
    'sqdmulh sqdmull sqdmull2 sqrdmlah sqrdmlsh sqrdmulh sudot udot umlal umlal2 umlsl '
    'umlsl2 umull umull2 usdot'
).split()
SIMD_SCALAR_ELEMENT = (
    'fmla fmls fmul fmulx sqdmlal sqdmlsl sqdmulh sqdmull sqrdmlah sqrdmlsh sqrdmulh'
).split()
SIMD_SCALAR = (
    'addp bcax eor3 faddp fmaxnmp fmaxnmv fmaxp fmaxv fminnmp fminnmv fminp fminv rax1 '
    'sha1c sha1h sha1m sha1p sha1su0 sha1su1 sha256h sha256h2 sha256su0 sha256su1 sha512h '
    'sha512h2 sha512su0 sha512su1 sm3partw1 sm3partw2 sm3ss1 sm3tt1a sm3tt1b sm3tt2a '
    'sm3tt2b sm4e sm4ekey xar'
).split()
SIMD_SCALAR_INT = (
    'abs add cmeq cmge cmgt cmhi cmhs cmle cmlt cmtst neg shl sli sqabs sqadd sqdmlal '
    'sqdmlsl sqdmulh sqdmull sqneg sqrdmlah sqrdmlsh sqrdmulh sqrshl sqrshrn sqrshrun '
    'sqshl sqshlu sqshrn sqshrun sqsub sqxtn sqxtun sri srshl srshr srsra sshl sshr ssra '
    'sub suqadd uqadd uqrshl uqrshrn uqshl uqshrn uqsub uqxtn urshl urshr ursra ushl ushr '
    'usqadd usra'
).split()
SIMD_SCALAR_FP = (
    'fabd facge facgt fcmeq fcmge fcmgt fcmle fcmlt fcvtas fcvtau fcvtms fcvtmu fcvtns '
    'fcvtnu fcvtps fcvtpu fcvtxn fcvtzs fcvtzu fmulx frecpe frecps frecpx frsqrte frsqrts '
    'scvtf ucvtf'
).split()
SIMD_ACROSS_LANES = ('addv', 'saddlv', 'uaddlv', 'smaxv', 'umaxv', 'sminv', 'uminv')
SIMD_FP_MOVES = ('fmov', 'mov', 'movi', 'umov', 'smov', 'ins', 'dup')


def in_scope(decoder, insn, mn, ops):
    if mn in ('fmlal', 'fmlsl', 'fmlal2', 'fmlsl2') and '[' not in ops and (insn >> 22) & 1:
        # sz=1 is reserved for FMLAL/FMLSL (vector); binutils ignores the bit.
        return False
    if decoder == 'a64-simd-fp':
        if (insn & 0x5e000000) == 0x1e000000:
            # Scalar floating-point: bit 30 = 0 and bits[28:25] = 1111.
            return not any(mn.startswith(prefixes) for prefixes, _ in NOT_DECODED)
        if mn in SIMD_FP_MOVES or mn in SIMD_ACROSS_LANES:
            return True
        if '[' in ops:
            if ops.startswith('v'):
                return mn in SIMD_ELEMENT
            return mn in SIMD_SCALAR_ELEMENT
        if mn in SIMD_SCALAR:
            return True
        if ops.startswith('v'):
            return mn in SIMD_VECTOR
        if mn in SIMD_SCALAR_INT:
            return ops[:1] in ('b', 'h', 's', 'd')
        return mn in SIMD_SCALAR_FP and ops[:1] in ('h', 's', 'd')
    if decoder == 'a64-branch-sys' and mn in ('msr', 'mrs') and ((insn >> 19) & 3) == 0:
        # binutils prints any op0=00 word as a generic system register; the Arm ARM leaves
        # that space (outside hints, barriers, PSTATE and WFET/WFIT) UNALLOCATED.
        return False
    return not any(mn.startswith(prefixes) for prefixes, _ in NOT_DECODED)


def objdump_words(objdump, words):
    """Disassemble a list of 32-bit words; returns [(mnemonic, operands)]."""
    with tempfile.TemporaryDirectory() as tmp:
        blob = os.path.join(tmp, 'words.bin')
        with open(blob, 'wb') as f:
            for w in words:
                f.write(struct.pack('<I', w))
        d = subprocess.run([objdump, '-D', '-b', 'binary', '-m', 'aarch64', blob],
                           capture_output=True, text=True, check=False)
    if d.returncode != 0:
        raise RuntimeError('%s failed: %s' % (objdump, d.stderr))
    line_re = re.compile(r'^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(\S+)\s*(.*)$')
    out = [('(missing)', '')] * len(words)
    for line in d.stdout.splitlines():
        m = line_re.match(line)
        if m:
            out[int(m.group(1), 16) // 4] = (m.group(3), m.group(4).split('//')[0].strip())
    return out


def run_tester(tester, mode, count):
    """Rows (tab-separated fields) that test-decode-capstone prints in --samples/--words mode."""
    r = subprocess.run([tester, mode, str(count)], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise RuntimeError('%s %s failed:\n%s%s' % (tester, mode, r.stdout, r.stderr))
    return [line.split('\t') for line in r.stdout.splitlines()]


def mnemonic_in(patterns, mn):
    for p in patterns.split():
        if p.endswith('*'):
            if mn.startswith(p[:-1]):
                return True
        elif mn == p:
            return True
    return False


def operand_in(prefixes, ops):
    if prefixes == '-':
        return True
    return any(ops.startswith(p) for p in prefixes.split())


def main():
    if len(sys.argv) != 3:
        print('usage: check-objdump.py test-decode-capstone OBJDUMP', file=sys.stderr)
        return 2
    tester, objdump = sys.argv[1], sys.argv[2]
    if shutil.which(objdump) is None:
        print('SKIP: %s not found' % objdump)
        return 77
    samples = run_tester(tester, '--samples', SAMPLES)
    decoded = objdump_words(objdump, [int(x[0], 16) for x in samples])
    bad = {}
    gaps = 0
    for i, (insn_hex, name, where, mnemonics, first) in enumerate(samples):
        insn = int(insn_hex, 16)
        mn, ops = decoded[i]
        if mnemonic_in(mnemonics, mn) and operand_in(first, ops):
            continue
        if any(g[0] == name and g[1](insn) for g in KNOWN_GAPS):
            gaps += 1
            continue
        if where not in bad:
            bad[where] = (name, insn_hex, mn, ops, 0)
        b = bad[where]
        bad[where] = b[:4] + (b[4] + 1,)
    for where, (name, insn_hex, mn, ops, count) in sorted(bad.items()):
        print('FAIL %s: %s: %d/%d samples disagree with objdump, e.g. 0x%s -> %s %s'
              % (where, name, count, SAMPLES, insn_hex, mn, ops))
    print('%d samples checked against objdump, %d in known gaps, %d pattern line(s) disagree'
          % (len(samples), gaps, len(bad)))

    words = run_tester(tester, '--words', WORDS)
    decoded = objdump_words(objdump, [int(w[0], 16) for w in words])
    unmatched = {}
    checked = 0
    for (insn_hex, decoder, matched), (mn, ops) in zip(words, decoded):
        if mn == '.inst' or not in_scope(decoder, int(insn_hex, 16), mn, ops):
            continue
        checked += 1
        if matched == '1':
            continue
        unmatched.setdefault((decoder, mn), []).append('0x%s %s %s' % (insn_hex, mn, ops))
    for (decoder, mn), examples in sorted(unmatched.items()):
        print('FAIL objdump decodes %d word(s) as %s that no %s pattern matches, e.g. %s'
              % (len(examples), mn, decoder, examples[0]))
    print('%d in-scope words checked against objdump; %d mnemonic(s) unmatched'
          % (checked, len(unmatched)))
    return 1 if bad or unmatched else 0


if __name__ == '__main__':
    sys.exit(main())
