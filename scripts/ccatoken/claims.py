# SPDX-License-Identifier: GPL-2.0-or-later
# claims: CCA realm and platform claim names (RMM spec DEN0137 A7.2.3), validation and printing.
from . import CcaError

REALM_CLAIMS = {
    10: "cca-realm-challenge",
    265: "cca-realm-profile",
    44235: "cca-realm-personalization-value",
    44236: "cca-realm-hash-algo-id",
    44237: "cca-realm-public-key",
    44238: "cca-realm-initial-measurement",
    44239: "cca-realm-extensible-measurements",
    44240: "cca-realm-public-key-hash-algo-id",
    44243: "cca-realm-mec-policy",
}

PLATFORM_CLAIMS = {
    265: "cca-platform-profile",
    10: "cca-platform-challenge",
    2396: "cca-platform-implementation-id",
    256: "cca-platform-instance-id",
    2401: "cca-platform-config",
    2395: "cca-platform-lifecycle",
    2399: "cca-platform-sw-components",
    2400: "cca-platform-verification-service",
    2402: "cca-platform-hash-algo-id",
}

SW_COMPONENT = {
    1: "component-type",
    2: "measurement-value",
    4: "version",
    5: "signer-id",
    6: "hash-algo-id",
}

# PSA security lifecycle major states (RFC 9783 4.1.3), keyed by bits 15..8.
LIFECYCLE = {
    0x00: "unknown", 0x10: "assembly-and-test", 0x20: "psa-rot-provisioning", 0x30: "secured",
    0x40: "non-psa-rot-debug", 0x50: "recoverable-psa-rot-debug", 0x60: "decommissioned",
}

DIGEST_LENGTHS = (32, 48, 64)
HASH_NAMES = {"sha-256": "sha256", "sha-384": "sha384", "sha-512": "sha512"}


def _need(claims, key, names, kind, what):
    if key not in claims:
        raise CcaError("%s: mandatory claim %s (%d) missing" % (what, names[key], key))
    val = claims[key]
    if not isinstance(val, kind):
        raise CcaError("%s: claim %s (%d) must be a %s" % (
            what, names[key], key, "byte string" if kind is bytes else
            "text string" if kind is str else kind.__name__))
    return val


def _need_len(val, lengths, key, names, what):
    if len(val) not in lengths:
        raise CcaError("%s: claim %s (%d) has %d bytes, expected %s" % (
            what, names[key], key, len(val), " or ".join(str(n) for n in lengths)))


def rak_point(encoded):
    """The RAK as 0x04||X||Y from claim 44237: a raw SEC1 point or a COSE_Key (RFC 9053 7.1.1)."""
    import cbor2
    if len(encoded) == 97 and encoded[0] == 4:
        return encoded, "raw"
    try:
        key = cbor2.loads(encoded)
    except Exception:
        key = None
    if (not isinstance(key, dict) or key.get(1) != 2 or key.get(-1) != 2 or
            not isinstance(key.get(-2), bytes) or not isinstance(key.get(-3), bytes) or
            len(key[-2]) != 48 or len(key[-3]) != 48):
        raise CcaError("realm claims: cca-realm-public-key is neither a P-384 point nor an "
                       "EC2 P-384 COSE_Key")
    return b"\x04" + key[-2] + key[-3], "cose-key"


def check_realm(claims, what="realm claims"):
    if not isinstance(claims, dict):
        raise CcaError("%s: not a CBOR map" % what)
    n = REALM_CLAIMS
    _need_len(_need(claims, 10, n, bytes, what), (64,), 10, n, what)
    _need_len(_need(claims, 44235, n, bytes, what), (64,), 44235, n, what)
    _need_len(_need(claims, 44238, n, bytes, what), DIGEST_LENGTHS, 44238, n, what)
    rems = _need(claims, 44239, n, list, what)
    if len(rems) != 4:
        raise CcaError("%s: cca-realm-extensible-measurements needs 4 entries, has %d" %
                       (what, len(rems)))
    for i, rem in enumerate(rems):
        if not isinstance(rem, bytes) or len(rem) not in DIGEST_LENGTHS:
            raise CcaError("%s: extensible measurement %d is not a 32/48/64-byte string" %
                           (what, i))
    _need(claims, 44236, n, str, what)
    rak_point(_need(claims, 44237, n, bytes, what))
    _need(claims, 44240, n, str, what)
    if 265 in claims and not isinstance(claims[265], str):
        raise CcaError("%s: cca-realm-profile must be a text string" % what)


def check_platform(claims, what="platform claims"):
    if not isinstance(claims, dict):
        raise CcaError("%s: not a CBOR map" % what)
    n = PLATFORM_CLAIMS
    _need_len(_need(claims, 10, n, bytes, what), DIGEST_LENGTHS, 10, n, what)
    _need(claims, 265, n, str, what)
    _need_len(_need(claims, 2396, n, bytes, what), (32,), 2396, n, what)
    inst = _need(claims, 256, n, bytes, what)
    if len(inst) != 33 or inst[0] != 1:
        raise CcaError("%s: cca-platform-instance-id must be 33 bytes starting with 0x01" % what)
    _need(claims, 2401, n, bytes, what)
    life = _need(claims, 2395, n, int, what)
    if life < 0 or life > 0x60FF or (life >> 8) not in LIFECYCLE:
        raise CcaError("%s: cca-platform-lifecycle %#x is not a valid state" % (what, life))
    comps = _need(claims, 2399, n, list, what)
    if not comps:
        raise CcaError("%s: cca-platform-sw-components is empty" % what)
    for i, comp in enumerate(comps):
        if not isinstance(comp, dict):
            raise CcaError("%s: software component %d is not a map" % (what, i))
        for key in (2, 5):
            val = comp.get(key)
            if not isinstance(val, bytes) or len(val) not in DIGEST_LENGTHS:
                raise CcaError("%s: software component %d: %s missing or not a digest" %
                               (what, i, SW_COMPONENT[key]))
        for key in (1, 4, 6):
            if key in comp and not isinstance(comp[key], str):
                raise CcaError("%s: software component %d: %s must be text" %
                               (what, i, SW_COMPONENT[key]))
    if 2400 in claims and not isinstance(claims[2400], str):
        raise CcaError("%s: cca-platform-verification-service must be text" % what)
    _need(claims, 2402, n, str, what)


def _fmt(val):
    if isinstance(val, bytes):
        return "h'%s'" % val.hex()
    if isinstance(val, str):
        return '"%s"' % val
    return repr(val)


def _label(key, names):
    if key in names:
        return "%s (%s)" % (names[key], key)
    return "unknown claim %s" % (_fmt(key),)


def print_claims(claims, names, indent="  "):
    for key, val in claims.items():
        label = _label(key, names)
        if key == 2399 and names is PLATFORM_CLAIMS and isinstance(val, list):
            print("%s%s:" % (indent, label))
            for i, comp in enumerate(val):
                print("%s  [%d]" % (indent, i))
                for ck, cv in comp.items():
                    print("%s    %s: %s" % (indent, _label(ck, SW_COMPONENT), _fmt(cv)))
        elif key == 44239 and names is REALM_CLAIMS and isinstance(val, list):
            print("%s%s:" % (indent, label))
            for i, rem in enumerate(val):
                print("%s  [%d] %s" % (indent, i, _fmt(rem)))
        elif key == 2395 and names is PLATFORM_CLAIMS and isinstance(val, int):
            print("%s%s: %d (%s)" % (indent, label, val, LIFECYCLE.get(val >> 8, "invalid")))
        else:
            print("%s%s: %s" % (indent, label, _fmt(val)))


def _jsonable(val):
    if isinstance(val, bytes):
        return val.hex()
    if isinstance(val, list):
        return [_jsonable(v) for v in val]
    if isinstance(val, dict):
        return {str(k): _jsonable(v) for k, v in val.items()}
    return val


def to_json(claims, names):
    """Claims keyed by name (unknown ones by their label), bytes as hex."""
    out = {}
    for key, val in claims.items():
        name = names.get(key, str(key))
        if key == 2399 and names is PLATFORM_CLAIMS:
            val = [{SW_COMPONENT.get(k, str(k)): _jsonable(v) for k, v in c.items()} for c in val]
        out[name] = _jsonable(val)
    return out
