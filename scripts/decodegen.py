#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# decodegen.py: turn a .decode pattern file into a C instruction decoder, header and pattern table.
#
# The input language is described in docs/devel/decode-format.md.  In short:
#   %field  pos:[s]len ... [!function=fn]      named bit field (first subfield is most significant)
#   &argset a b c                               argument structure arg_argset { int a, b, c; }
#   @format bits... [&argset] [name=value]      template shared by patterns
#   NAME    bits... [@format] [&argset] [k=v]   one encoding, decoded by trans_NAME()
#   { ... }  overlapping group (tried in order)  [ ... ]  non-overlapping group
# A pattern matches when (insn & fixedmask) == fixedbits.

import argparse
import os
import re
import sys

INSN_WIDTH = 32
FULL_MASK = (1 << INSN_WIDTH) - 1

RE_IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')
RE_BITS = re.compile(r'^[01.\-]+$')
RE_INLINE_FIELD = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*):(s?)([0-9]+)$')
RE_SUBFIELD = re.compile(r'^([0-9]+):(s?)([0-9]+)$')
RE_NUMBER = re.compile(r'^-?(0x[0-9a-fA-F]+|0b[01]+|[0-9]+)$')

C_KEYWORDS = {
    'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else',
    'enum', 'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register',
    'restrict', 'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef',
    'union', 'unsigned', 'void', 'volatile', 'while', 'bool', 'true', 'false',
}


class DecodeError(Exception):
    """An error in the input, reported as file:line: error: message."""

    def __init__(self, where, msg):
        super().__init__(msg)
        self.where = where
        self.msg = msg


class Where:
    def __init__(self, file, line):
        self.file = file
        self.line = line

    def __str__(self):
        return '%s:%d' % (self.file, self.line)


def popcount(x):
    return bin(x).count('1')


def mask_of(pos, length):
    return ((1 << length) - 1) << pos


class Field:
    """A named field: subfields (pos, len, signed), most significant first; optional function."""

    def __init__(self, name, subfields, func, where):
        self.name = name
        self.subfields = subfields
        self.func = func
        self.where = where
        self.used = False

    def width(self):
        return sum(length for _, length, _ in self.subfields)

    def bitmask(self):
        m = 0
        for pos, length, _ in self.subfields:
            m |= mask_of(pos, length)
        return m

    def is_signed(self):
        return bool(self.subfields) and self.subfields[0][2]

    def c_name(self):
        return 'decode_field_' + self.name


class InlineField:
    """A field written inside a bit template, e.g. rd:5 or imm:s19."""

    def __init__(self, pos, length, signed):
        self.pos = pos
        self.length = length
        self.signed = signed

    def bitmask(self):
        return mask_of(self.pos, self.length)


class ArgSet:
    def __init__(self, name, members, where, implicit=False):
        self.name = name
        self.members = members
        self.where = where
        self.implicit = implicit
        self.used = False

    def signature(self):
        """Stable 32-bit hash of the member list, to catch clashing definitions across headers."""
        h = 2166136261
        for ch in (self.name + ':' + ','.join(self.members)).encode():
            h = ((h ^ ch) * 16777619) & 0xffffffff
        return h


class Template:
    """Common part of formats and patterns: the parsed bit template and argument bindings."""

    def __init__(self, name, where):
        self.name = name
        self.where = where
        self.fixedmask = 0
        self.fixedbits = 0
        self.ignoremask = 0      # '-' bits: deliberately ignored
        # member -> ('inline', InlineField) | ('field', Field) | ('const', int)
        self.args = {}
        self.order = []          # members in order of first appearance
        self.argset_name = None
        self.bitstext = ''

    def bind(self, member, binding, where):
        if member in self.args:
            raise DecodeError(where, "argument '%s' given twice in %s" % (member, self.name))
        self.args[member] = binding
        self.order.append(member)


class Format(Template):
    def __init__(self, name, where):
        super().__init__(name, where)
        self.used = False


class Pattern(Template):
    def __init__(self, name, where):
        super().__init__(name, where)
        self.format = None
        self.argset = None
        self.bindings = None     # [(member, binding)] in argument-set order, after merging
        self.group_id = 0        # outermost overlapping group, 0 if none


class Group:
    def __init__(self, overlap, where):
        self.overlap = overlap
        self.where = where
        self.items = []
        self.fixedmask = 0
        self.fixedbits = 0


class Parser:
    def __init__(self, path):
        self.path = path
        self.file = os.path.basename(path)
        self.fields = {}
        self.argsets = {}
        self.formats = {}
        self.patterns = []
        self.root = Group(False, Where(self.file, 0))
        self.stack = [self.root]

    def where(self, line):
        return Where(self.file, line)

    def parse(self):
        try:
            with open(self.path, encoding='utf-8') as f:
                text = f.read()
        except OSError as e:
            raise DecodeError(Where(self.file, 0), 'cannot read %s: %s' % (self.path, e.strerror))
        pending = ''
        start = 0
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.split('#', 1)[0].rstrip()
            if not pending:
                start = number
            if line.endswith('\\'):
                pending += line[:-1] + ' '
                continue
            line = pending + line
            pending = ''
            if line.strip():
                self.parse_line(line.split(), start)
        if pending:
            raise DecodeError(self.where(start), 'line continuation at end of file')
        if len(self.stack) > 1:
            g = self.stack[-1]
            raise DecodeError(g.where, "group opened here is not closed with '%s'"
                              % ('}' if g.overlap else ']'))

    def parse_line(self, toks, line):
        where = self.where(line)
        head = toks[0]
        if head in ('{', '['):
            if len(toks) != 1:
                raise DecodeError(where, "'%s' must be alone on its line" % head)
            g = Group(head == '{', where)
            self.stack[-1].items.append(g)
            self.stack.append(g)
            return
        if head in ('}', ']'):
            if len(toks) != 1:
                raise DecodeError(where, "'%s' must be alone on its line" % head)
            if len(self.stack) == 1:
                raise DecodeError(where, "'%s' without an open group" % head)
            g = self.stack[-1]
            if g.overlap != (head == '}'):
                raise DecodeError(where, "'%s' closes a group opened with '%s' at line %d"
                                  % (head, '{' if g.overlap else '[', g.where.line))
            if not g.items:
                raise DecodeError(where, 'empty group')
            self.stack.pop()
            return
        if head[0] == '%':
            self.parse_field(head[1:], toks[1:], where)
        elif head[0] == '&':
            self.parse_argset(head[1:], toks[1:], where)
        elif head[0] == '@':
            self.parse_format(head[1:], toks[1:], where)
        else:
            self.parse_pattern(head, toks[1:], where)

    def check_ident(self, name, what, where):
        if not RE_IDENT.match(name):
            raise DecodeError(where, "invalid %s name '%s'" % (what, name))

    def parse_field(self, name, toks, where):
        self.check_ident(name, 'field', where)
        if name in self.fields:
            raise DecodeError(where, "field '%%%s' already defined at %s"
                              % (name, self.fields[name].where))
        subfields = []
        func = None
        seen = 0
        for t in toks:
            if t.startswith('!function='):
                if func is not None:
                    raise DecodeError(where, "field '%%%s' has two !function" % name)
                func = t[len('!function='):]
                self.check_ident(func, 'function', where)
                continue
            m = RE_SUBFIELD.match(t)
            if not m:
                raise DecodeError(where, "invalid subfield '%s' in field '%%%s' (want pos:len or "
                                  "pos:slen)" % (t, name))
            pos, signed, length = int(m.group(1)), m.group(2) == 's', int(m.group(3))
            if length < 1 or pos + length > INSN_WIDTH:
                raise DecodeError(where, "subfield '%s' of '%%%s' does not fit in %d bits"
                                  % (t, name, INSN_WIDTH))
            if signed and subfields:
                raise DecodeError(where, "only the first (most significant) subfield of '%%%s' "
                                  "may be signed" % name)
            if seen & mask_of(pos, length):
                raise DecodeError(where, "subfields of '%%%s' overlap" % name)
            seen |= mask_of(pos, length)
            subfields.append((pos, length, signed))
        if not subfields:
            raise DecodeError(where, "field '%%%s' has no subfields" % name)
        # Disjoint subfields of a 32-bit word are at most 32 bits together, so every field
        # fits the int argument it fills.
        self.fields[name] = Field(name, subfields, func, where)

    def parse_argset(self, name, toks, where):
        self.check_ident(name, 'argument set', where)
        if name in self.argsets:
            raise DecodeError(where, "argument set '&%s' already defined at %s"
                              % (name, self.argsets[name].where))
        members = []
        for t in toks:
            self.check_ident(t, 'argument', where)
            if t in C_KEYWORDS:
                raise DecodeError(where, "argument name '%s' is reserved" % t)
            if t in members:
                raise DecodeError(where, "argument '%s' repeated in '&%s'" % (t, name))
            members.append(t)
        self.argsets[name] = ArgSet(name, members, where)

    def parse_template(self, tmpl, toks, where, is_pattern):
        pos = INSN_WIDTH
        text = []
        for t in toks:
            if RE_BITS.match(t):
                for ch in t:
                    pos -= 1
                    if pos < 0:
                        continue        # too many bits: counted, reported below
                    bit = 1 << pos
                    if ch == '0' or ch == '1':
                        tmpl.fixedmask |= bit
                        if ch == '1':
                            tmpl.fixedbits |= bit
                    elif ch == '-':
                        tmpl.ignoremask |= bit
                text.append(t)
                continue
            m = RE_INLINE_FIELD.match(t)
            if m:
                name, signed, length = m.group(1), m.group(2) == 's', int(m.group(3))
                if length < 1:
                    raise DecodeError(where, "field '%s' has zero width" % t)
                pos -= length
                if pos >= 0:
                    if name in C_KEYWORDS:
                        raise DecodeError(where, "argument name '%s' is reserved" % name)
                    tmpl.bind(name, ('inline', InlineField(pos, length, signed)), where)
                text.append(t)
                continue
            if t[0] == '@':
                if not is_pattern:
                    raise DecodeError(where, "a format cannot use another format ('%s')" % t)
                if tmpl.format is not None:
                    raise DecodeError(where, "pattern %s names two formats" % tmpl.name)
                fname = t[1:]
                if fname not in self.formats:
                    raise DecodeError(where, "unknown format '@%s'" % fname)
                tmpl.format = self.formats[fname]
                tmpl.format.used = True
                continue
            if t[0] == '&':
                if tmpl.argset_name is not None:
                    raise DecodeError(where, "%s names two argument sets" % tmpl.name)
                aname = t[1:]
                if aname not in self.argsets:
                    raise DecodeError(where, "unknown argument set '&%s'" % aname)
                tmpl.argset_name = aname
                continue
            if t[0] == '%':
                fname = t[1:]
                if fname not in self.fields:
                    raise DecodeError(where, "unknown field '%%%s'" % fname)
                tmpl.bind(fname, ('field', self.fields[fname]), where)
                continue
            if '=' in t:
                name, value = t.split('=', 1)
                self.check_ident(name, 'argument', where)
                if name in C_KEYWORDS:
                    raise DecodeError(where, "argument name '%s' is reserved" % name)
                if value.startswith('%'):
                    fname = value[1:]
                    if fname not in self.fields:
                        raise DecodeError(where, "unknown field '%%%s'" % fname)
                    tmpl.bind(name, ('field', self.fields[fname]), where)
                    continue
                if not RE_NUMBER.match(value):
                    raise DecodeError(where, "invalid value '%s' for argument '%s'"
                                      % (value, name))
                v = int(value, 0)
                if v < -(1 << 31) or v >= (1 << 31):
                    raise DecodeError(where, "value %s for '%s' does not fit in an int"
                                      % (value, name))
                tmpl.bind(name, ('const', v), where)
                continue
            raise DecodeError(where, "unrecognised token '%s'" % t)
        used = INSN_WIDTH - pos
        if used != INSN_WIDTH:
            raise DecodeError(where, '%s has %d bits; instructions are %d bits'
                              % (tmpl.name, used, INSN_WIDTH))
        tmpl.bitstext = ' '.join(text)

    def parse_format(self, name, toks, where):
        self.check_ident(name, 'format', where)
        if name in self.formats:
            raise DecodeError(where, "format '@%s' already defined at %s"
                              % (name, self.formats[name].where))
        fmt = Format(name, where)
        self.parse_template(fmt, toks, where, False)
        self.formats[name] = fmt

    def parse_pattern(self, name, toks, where):
        self.check_ident(name, 'pattern', where)
        pat = Pattern(name, where)
        self.parse_template(pat, toks, where, True)
        self.patterns.append(pat)
        self.stack[-1].items.append(pat)


class Checker:
    """Merges patterns with their formats, assigns argument sets and checks the decode tree."""

    def __init__(self, parser):
        self.p = parser
        self.argsets = dict(parser.argsets)
        self.argset_order = list(parser.argsets.values())
        self.trans = {}          # pattern name -> argset name
        self.warnings = []
        self.group_counter = 0

    def run(self):
        for pat in self.p.patterns:
            self.merge(pat)
        self.compute_group(self.p.root)
        self.check_overlaps(self.p.root)
        self.number(self.p.root, 0)
        for f in self.p.fields.values():
            if not f.used:
                self.warnings.append('%s: warning: field %%%s is never used' % (f.where, f.name))
        for a in self.p.argsets.values():
            if not a.used:
                self.warnings.append('%s: warning: argument set &%s is never used'
                                     % (a.where, a.name))
        for fmt in self.p.formats.values():
            if not fmt.used:
                self.warnings.append('%s: warning: format @%s is never used'
                                     % (fmt.where, fmt.name))

    def merge(self, pat):
        where = pat.where
        fmt = pat.format
        fixedmask, fixedbits = pat.fixedmask, pat.fixedbits
        ignoremask = pat.ignoremask
        bindings = {}
        order = []
        argset_name = pat.argset_name
        if fmt is not None:
            clash = fmt.fixedmask & pat.fixedmask & (fmt.fixedbits ^ pat.fixedbits)
            if clash:
                raise DecodeError(where, '%s: fixed bit %d conflicts with format @%s (%s)'
                                  % (pat.name, clash.bit_length() - 1, fmt.name, fmt.where))
            inline_pat = 0
            for b in pat.args.values():
                if b[0] == 'inline':
                    inline_pat |= b[1].bitmask()
            if inline_pat & fmt.fixedmask:
                bit = (inline_pat & fmt.fixedmask).bit_length() - 1
                raise DecodeError(where, '%s: field over bit %d, which format @%s fixes'
                                  % (pat.name, bit, fmt.name))
            fixedbits |= fmt.fixedbits & ~pat.fixedmask
            fixedmask |= fmt.fixedmask
            ignoremask |= fmt.ignoremask
            for m in fmt.order:
                bindings[m] = fmt.args[m]
                order.append(m)
            if argset_name is None:
                argset_name = fmt.argset_name
        for m in pat.order:
            if m not in bindings:
                order.append(m)
            bindings[m] = pat.args[m]
        ignoremask &= ~fixedmask
        # Pattern fixed bits override a format's fields; the field then reads a constant.
        covered = fixedmask | ignoremask
        for m in order:
            kind, val = bindings[m]
            if kind == 'inline':
                covered |= val.bitmask()
            elif kind == 'field':
                covered |= val.bitmask()
                val.used = True
        missing = FULL_MASK & ~covered
        if missing:
            bits = [str(i) for i in range(INSN_WIDTH - 1, -1, -1) if missing & (1 << i)]
            raise DecodeError(where, '%s: bit%s %s neither fixed nor covered by a field '
                              "(use '-' for bits that are ignored)"
                              % (pat.name, 's' if len(bits) > 1 else '', ','.join(bits)))
        # Argument set.
        if argset_name is not None:
            aset = self.argsets[argset_name]
            for m in order:
                if m not in aset.members:
                    raise DecodeError(where, "%s: '%s' is not a member of &%s (%s)"
                                      % (pat.name, m, aset.name, aset.where))
            for m in aset.members:
                if m not in bindings:
                    raise DecodeError(where, "%s: member '%s' of &%s is never set"
                                      % (pat.name, m, aset.name))
        else:
            if fmt is not None:
                base = fmt.name
                fmt_members = list(fmt.order)
                if order != fmt_members:
                    raise DecodeError(where, "%s: adds arguments (%s) to @%s, which has no "
                                      "&argset; give the format an explicit &argset"
                                      % (pat.name, ', '.join(m for m in order
                                                             if m not in fmt_members),
                                         fmt.name))
                where_set = fmt.where
            else:
                base = pat.name
                where_set = where
            aset = self.argsets.get(base)
            if aset is None:
                aset = ArgSet(base, list(order), where_set, implicit=True)
                self.argsets[base] = aset
                self.argset_order.append(aset)
            elif not aset.implicit or aset.members != order:
                raise DecodeError(where, "%s: implicit argument set '%s' clashes with &%s "
                                  "defined at %s" % (pat.name, base, aset.name, aset.where))
        aset.used = True
        if pat.name in self.trans and self.trans[pat.name] != aset.name:
            raise DecodeError(where, '%s: pattern name used before with argument set &%s; '
                              'trans_%s can take only one' % (pat.name, self.trans[pat.name],
                                                              pat.name))
        self.trans[pat.name] = aset.name
        pat.argset = aset
        pat.fixedmask, pat.fixedbits = fixedmask, fixedbits
        pat.ignoremask = ignoremask
        pat.bindings = [(m, bindings[m]) for m in aset.members]

    def leaves(self, item):
        if isinstance(item, Pattern):
            return [item]
        out = []
        for it in item.items:
            out.extend(self.leaves(it))
        return out

    def compute_group(self, g):
        mask, bits = FULL_MASK, None
        for it in g.items:
            if isinstance(it, Group):
                self.compute_group(it)
            if bits is None:
                bits = it.fixedbits
            mask &= it.fixedmask & ~(it.fixedbits ^ bits)
        g.fixedmask = mask
        g.fixedbits = (bits or 0) & mask

    @staticmethod
    def overlaps(a, b):
        return ((a.fixedbits ^ b.fixedbits) & a.fixedmask & b.fixedmask) == 0

    @staticmethod
    def covers(a, b):
        """True if every instruction matching b also matches a."""
        return (a.fixedmask & ~b.fixedmask) == 0 and \
            ((a.fixedbits ^ b.fixedbits) & a.fixedmask) == 0

    def check_overlaps(self, g):
        items = g.items
        if g.overlap:
            flat = self.leaves(g)
            for j, later in enumerate(flat):
                for earlier in flat[:j]:
                    if self.covers(earlier, later):
                        raise DecodeError(later.where, '%s is unreachable: %s (%s) matches '
                                          'every encoding of it first'
                                          % (later.name, earlier.name, earlier.where))
        else:
            leaf_lists = [self.leaves(it) for it in items]
            for j in range(len(items)):
                for i in range(j):
                    for a in leaf_lists[i]:
                        for b in leaf_lists[j]:
                            if self.overlaps(a, b):
                                raise DecodeError(b.where, '%s overlaps %s (%s) outside an '
                                                  "overlapping group '{ }'"
                                                  % (b.name, a.name, a.where))
        for it in items:
            if isinstance(it, Group):
                self.check_overlaps(it)

    def number(self, g, group_id):
        for it in g.items:
            if isinstance(it, Group):
                gid = group_id
                if it.overlap and gid == 0:
                    self.group_counter += 1
                    gid = self.group_counter
                self.number(it, gid)
            else:
                it.group_id = group_id


class Emitter:
    def __init__(self, parser, checker, ident, header_name, includes):
        self.p = parser
        self.c = checker
        self.ident = ident
        self.header_name = header_name
        self.includes = includes
        self.out = []

    def line(self, indent, text):
        self.out.append(('    ' * indent + text) if text else '')

    # ---------------- header ----------------
    def header(self):
        guard = 'DECODE_%s_H' % self.ident.upper()
        out = []
        out.append('/* SPDX-License-Identifier: GPL-2.0-or-later */')
        out.append('/* %s: generated by scripts/decodegen.py from %s; do not edit. */'
                   % (self.header_name, self.p.file))
        out.append('#ifndef %s' % guard)
        out.append('#define %s' % guard)
        out.append('')
        out.append('#include <stdbool.h>')
        out.append('#include <stdint.h>')
        out.append('#include "tcg/decode-pattern.h"')
        out.append('')
        out.append('typedef struct DisasContext DisasContext;')
        out.append('')
        for aset in self.c.argset_order:
            if not aset.used:
                continue
            macro = 'DECODE_ARG_%s_SIG' % aset.name
            sig = '0x%08xu' % aset.signature()
            out.append('#ifndef %s' % macro)
            out.append('#define %s %s' % (macro, sig))
            if aset.members:
                out.append('typedef struct {')
                for m in aset.members:
                    out.append('    int %s;' % m)
                out.append('} arg_%s;' % aset.name)
            else:
                out.append('typedef struct {')
                out.append('    int unused_;    /* no operands */')
                out.append('} arg_%s;' % aset.name)
            out.append('#elif %s != %s' % (macro, sig))
            out.append('#error "arg_%s has different members in another decode file"'
                       % aset.name)
            out.append('#endif')
            out.append('')
        funcs = sorted({f.func for f in self.p.fields.values() if f.func and f.used})
        if funcs:
            out.append('/* Field functions named with !function=; the translator defines them. */')
            for fn in funcs:
                out.append('int %s(DisasContext *s, int x);' % fn)
            out.append('')
        out.append('/* One per pattern name; a weak default in %s returns '
                   'decode_unimplemented(). */' % self.header_name.replace('.h', '.c'))
        for name in self.trans_names():
            out.append('bool trans_%s(DisasContext *s, arg_%s *a);' % (name, self.c.trans[name]))
        out.append('')
        out.append('/* Decode one instruction; false means no pattern accepted it (UNDEFINED). */')
        out.append('bool decode_%s(DisasContext *s, uint32_t insn);' % self.ident)
        out.append('')
        out.append('/* Every pattern in source order (the order overlapping groups try them). */')
        out.append('extern const DecodePattern decode_%s_patterns[];' % self.ident)
        out.append('extern const unsigned decode_%s_pattern_count;' % self.ident)
        out.append('')
        out.append('#endif')
        return '\n'.join(out) + '\n'

    def trans_names(self):
        seen = []
        for pat in self.p.patterns:
            if pat.name not in seen:
                seen.append(pat.name)
        return seen

    # ---------------- source ----------------
    def source(self):
        L = self.line
        L(0, '/* SPDX-License-Identifier: GPL-2.0-or-later */')
        L(0, '/* %s: generated by scripts/decodegen.py from %s; do not edit. */'
          % (self.header_name.replace('.h', '.c'), self.p.file))
        for inc in self.includes:
            L(0, '#include "%s"' % inc)
        L(0, '#include "%s"' % self.header_name)
        L(0, '')
        # Not every decoder uses both extractors; clang warns about unused static functions.
        L(0, '__attribute__((unused))')
        L(0, 'static inline uint32_t decode_extract(uint32_t insn, int pos, int len)')
        L(0, '{')
        L(1, 'return (insn >> pos) & (0xffffffffu >> (32 - len));')
        L(0, '}')
        L(0, '')
        L(0, '__attribute__((unused))')
        L(0, 'static inline int32_t decode_sextract(uint32_t insn, int pos, int len)')
        L(0, '{')
        L(1, '/* Shift the field to the top, then arithmetic-shift it back down. */')
        L(1, 'return (int32_t)(insn << (32 - pos - len)) >> (32 - len);')
        L(0, '}')
        L(0, '')
        for f in self.p.fields.values():
            if not f.used:
                continue
            L(0, '/* %s: %%%s */' % (f.where, f.name))
            L(0, 'static inline int %s(DisasContext *s, uint32_t insn)' % f.c_name())
            L(0, '{')
            if len(f.subfields) == 1:
                pos, length, signed = f.subfields[0]
                L(1, 'int x = %s;' % self.extract_expr(pos, length, signed))
            else:
                L(1, 'uint32_t v = 0;')
                for pos, length, _ in f.subfields:
                    L(1, 'v = (v << %d) | decode_extract(insn, %d, %d);' % (length, pos, length))
                if f.is_signed():
                    L(1, 'int x = decode_sextract(v, 0, %d);' % f.width())
                else:
                    L(1, 'int x = (int)v;')
            if f.func:
                L(1, 'return %s(s, x);' % f.func)
            else:
                L(1, '(void)s;')
                L(1, 'return x;')
            L(0, '}')
            L(0, '')
        used_sets = [a for a in self.c.argset_order if a.used]
        L(0, 'bool decode_%s(DisasContext *s, uint32_t insn)' % self.ident)
        L(0, '{')
        if used_sets:
            L(1, 'union {')
            for a in used_sets:
                L(2, 'arg_%s f_%s;' % (a.name, a.name))
            L(1, '} u;')
            L(0, '')
        self.emit_items(self.p.root.items, 0, 1, False)
        L(1, 'return false;')
        L(0, '}')
        L(0, '')
        L(0, 'const DecodePattern decode_%s_patterns[] = {' % self.ident)
        for pat in self.p.patterns:
            L(1, '{ "%s", 0x%08xu, 0x%08xu, "%s", %d, %d },'
              % (pat.name, pat.fixedmask, pat.fixedbits, self.p.file, pat.where.line,
                 pat.group_id))
        L(0, '};')
        L(0, 'const unsigned decode_%s_pattern_count = %d;' % (self.ident, len(self.p.patterns)))
        L(0, '')
        L(0, '/* Weak defaults: a strong trans_* in a trans-*.c file replaces each of them. */')
        for name in self.trans_names():
            L(0, '__attribute__((weak)) bool trans_%s(DisasContext *s, arg_%s *a)'
              % (name, self.c.trans[name]))
            L(0, '{')
            L(1, 'return decode_unimplemented(s, "%s");' % name)
            L(0, '}')
            L(0, '')
        while self.out and self.out[-1] == '':
            self.out.pop()
        return '\n'.join(self.out) + '\n'

    @staticmethod
    def extract_expr(pos, length, signed):
        if signed:
            return 'decode_sextract(insn, %d, %d)' % (pos, length)
        return '(int)decode_extract(insn, %d, %d)' % (pos, length)

    def cond(self, item, known):
        m = item.fixedmask & ~known
        if not m:
            return None
        return '(insn & 0x%08xu) == 0x%08xu' % (m, item.fixedbits & m)

    def emit_pattern(self, pat, known, ind):
        L = self.line
        L(ind, '/* %s: %s %s */' % (pat.where, pat.name, pat.bitstext))
        c = self.cond(pat, known)
        if c:
            L(ind, 'if (%s) {' % c)
            ind += 1
        var = 'u.f_%s' % pat.argset.name
        for m, (kind, val) in pat.bindings:
            if kind == 'inline':
                expr = self.extract_expr(val.pos, val.length, val.signed)
            elif kind == 'field':
                expr = '%s(s, insn)' % val.c_name()
            else:
                expr = '%d' % val
            L(ind, '%s.%s = %s;' % (var, m, expr))
        L(ind, 'if (trans_%s(s, &%s)) {' % (pat.name, var))
        L(ind + 1, 'return true;')
        L(ind, '}')
        if c:
            L(ind - 1, '}')

    def emit_item(self, item, known, ind):
        if isinstance(item, Pattern):
            self.emit_pattern(item, known, ind)
            return
        L = self.line
        L(ind, '/* %s: %s group */' % (item.where, 'overlapping' if item.overlap else
                                          'non-overlapping'))
        c = self.cond(item, known)
        if c:
            L(ind, 'if (%s) {' % c)
            ind += 1
        self.emit_items(item.items, known | item.fixedmask, ind, item.overlap)
        if c:
            L(ind - 1, '}')

    def emit_items(self, items, known, ind, overlap):
        """Emit items; in a non-overlapping set, switch on bits every item fixes."""
        if overlap or len(items) == 1:
            for it in items:
                self.emit_item(it, known, ind)
            return
        common = FULL_MASK & ~known
        for it in items:
            common &= it.fixedmask
        if common == 0:
            # No bit is fixed by every item: split off the items sharing the most popular bit.
            counts = {}
            for it in items:
                free = it.fixedmask & ~known
                for b in range(INSN_WIDTH):
                    if free & (1 << b):
                        counts[b] = counts.get(b, 0) + 1
            if not counts:
                for it in items:
                    self.emit_item(it, known, ind)
                return
            best = max(sorted(counts), key=lambda b: (counts[b], b))
            part = [it for it in items if it.fixedmask & (1 << best)]
            rest = [it for it in items if not it.fixedmask & (1 << best)]
            if len(part) < 2:
                for it in items:
                    self.emit_item(it, known, ind)
                return
            self.emit_items(part, known, ind, False)
            self.emit_items(rest, known, ind, False)
            return
        L = self.line
        cases = {}
        for it in items:
            cases.setdefault(it.fixedbits & common, []).append(it)
        L(ind, 'switch (insn & 0x%08xu) {' % common)
        for value in sorted(cases):
            L(ind, 'case 0x%08xu:' % value)
            self.emit_items(cases[value], known | common, ind + 1, False)
            L(ind + 1, 'break;')
        L(ind, '}')


def write_file(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def main(argv):
    ap = argparse.ArgumentParser(description='Generate a C decoder from a .decode file.')
    ap.add_argument('input', help='the .decode pattern file')
    ap.add_argument('--out-c', help='generated decoder source')
    ap.add_argument('--out-h', help='generated header')
    ap.add_argument('--list', action='store_true',
                    help='print the pattern table (name, mask, bits, file:line, group) and exit')
    ap.add_argument('--include', action='append', default=[],
                    help='header the source includes first (defines DisasContext and '
                    'decode_unimplemented); may be repeated')
    ap.add_argument('--ident', help='C identifier of the decoder (default: file base name with '
                    "'-' turned into '_')")
    ap.add_argument('--Werror', action='store_true', help='treat warnings as errors')
    args = ap.parse_args(argv)
    if not args.list and (args.out_c is None or args.out_h is None):
        ap.error('--out-c and --out-h are required (unless --list)')

    base = os.path.basename(args.input)
    if base.endswith('.decode'):
        base = base[:-len('.decode')]
    ident = args.ident or base.replace('-', '_')
    if not RE_IDENT.match(ident):
        print('decodegen: error: %s is not a valid C identifier (use --ident)' % ident,
              file=sys.stderr)
        return 1
    parser = Parser(args.input)
    try:
        parser.parse()
        checker = Checker(parser)
        checker.run()
    except DecodeError as e:
        print('%s: error: %s' % (e.where, e.msg), file=sys.stderr)
        return 1
    for w in checker.warnings:
        print(w, file=sys.stderr)
    if checker.warnings and args.Werror:
        return 1
    if args.list:
        for pat in parser.patterns:
            print('%s 0x%08x 0x%08x %s %d' % (pat.name, pat.fixedmask, pat.fixedbits, pat.where,
                                             pat.group_id))
        return 0
    emitter = Emitter(parser, checker, ident, os.path.basename(args.out_h), args.include)
    write_file(args.out_h, emitter.header())
    write_file(args.out_c, emitter.source())
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
