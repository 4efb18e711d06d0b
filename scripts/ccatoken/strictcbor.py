# SPDX-License-Identifier: GPL-2.0-or-later
# strictcbor: RFC 8949 validity checks cbor2 does not make (duplicate map keys, indefinite
# lengths, trailing bytes), then decoding with cbor2.
import cbor2

from . import CcaError

MAX_DEPTH = 16


def _head(buf, pos):
    if pos >= len(buf):
        raise CcaError("CBOR: truncated input")
    ib = buf[pos]
    major, ai = ib >> 5, ib & 0x1F
    if ai < 24:
        return major, ai, ai, pos + 1
    if ai == 31:
        if major == 7:
            raise CcaError("CBOR: unexpected break")
        raise CcaError("CBOR: indefinite length is not accepted")
    if ai > 27:
        raise CcaError("CBOR: reserved additional information %d" % ai)
    n = 1 << (ai - 24)
    if pos + 1 + n > len(buf):
        raise CcaError("CBOR: truncated input")
    return major, ai, int.from_bytes(buf[pos + 1:pos + 1 + n], "big"), pos + 1 + n


def _skip(buf, pos, depth):
    """Returns the offset after the item at pos, checking it on the way (RFC 8949 appendix C)."""
    if depth >= MAX_DEPTH:
        raise CcaError("CBOR: nesting deeper than %d" % MAX_DEPTH)
    major, ai, val, pos = _head(buf, pos)
    if major in (2, 3):
        if pos + val > len(buf):
            raise CcaError("CBOR: string longer than the input")
        if major == 3:
            try:
                bytes(buf[pos:pos + val]).decode("utf-8")
            except UnicodeDecodeError:
                raise CcaError("CBOR: text string is not UTF-8") from None
        return pos + val
    if major == 4:
        for _ in range(val):
            pos = _skip(buf, pos, depth + 1)
        return pos
    if major == 5:
        seen = set()
        for _ in range(val):
            kstart = pos
            pos = _skip(buf, pos, depth + 1)
            key = cbor2.loads(bytes(buf[kstart:pos]))
            ident = (type(key).__name__, repr(key))
            if ident in seen:
                raise CcaError("CBOR: duplicate map key %r" % (key,))
            seen.add(ident)
            pos = _skip(buf, pos, depth + 1)
        return pos
    if major == 6:
        return _skip(buf, pos, depth + 1)
    if major == 7 and ai == 24 and val < 32:
        raise CcaError("CBOR: two-byte simple value below 32")
    return pos


def loads(data, what="input"):
    """Decodes exactly one strictly valid CBOR item."""
    try:
        end = _skip(data, 0, 0)
    except CcaError as e:
        raise CcaError("%s: %s" % (what, e)) from None
    if end != len(data):
        raise CcaError("%s: CBOR: %d trailing bytes" % (what, len(data) - end))
    return cbor2.loads(data)
