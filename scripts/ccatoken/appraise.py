# SPDX-License-Identifier: GPL-2.0-or-later
# appraise: compare token claims with reference values in the rv.json format of the samples
# (platform: implementation-id, platform-configuration, sw-components; realm: RIM, REMs,
# personalization value, RAK hash algorithm).
from . import CcaError


def _hex(obj, field, what):
    try:
        return bytes.fromhex(obj[field])
    except (KeyError, TypeError, ValueError):
        raise CcaError("%s: %s missing or not hex" % (what, field)) from None


def _entry(obj, what):
    if not isinstance(obj, dict):
        raise CcaError("%s: expected an object" % what)
    return obj


class Report:
    def __init__(self):
        self.lines = []
        self.ok = True

    def check(self, name, match, detail=""):
        self.ok &= match
        self.lines.append("  %s: %s%s" % (name, "match" if match else "MISMATCH",
                                          " (%s)" % detail if detail else ""))


def _sw_component(rep, comp, rv_comps, i):
    label = comp.get(1, "#%d" % i)
    cands = [_entry(c, "sw-component reference") for c in rv_comps]
    cands = [c for c in cands if c.get("component-type") in (None, comp.get(1))]
    want = None
    for c in cands:
        if _hex(c, "measurement-value", "sw-component reference") == comp[2]:
            want = c
            break
    if want is None:
        rep.check("sw-component %s measurement-value" % label, False, "not in reference values")
        return None
    if "signer-id" in want:
        rep.check("sw-component %s signer-id" % label,
                  _hex(want, "signer-id", "sw-component reference") == comp[5])
    if "version" in want:
        rep.check("sw-component %s version" % label, want["version"] == comp.get(4),
                  "token %r, reference %r" % (comp.get(4), want["version"]))
    rep.check("sw-component %s measurement-value" % label, True)
    return want


def platform(rep, claims, rv):
    entries = rv.get("platform", [])
    if not isinstance(entries, list):
        raise CcaError("reference values: platform must be a list")
    impl = claims[2396]
    entry = None
    for i, ent in enumerate(entries):
        if _hex(_entry(ent, "platform reference %d" % i), "implementation-id",
                "platform reference %d" % i) == impl:
            entry = ent
    rep.lines.append("platform:")
    rep.check("implementation-id", entry is not None, impl.hex())
    if entry is None:
        return
    if "platform-configuration" in entry:
        rep.check("platform-configuration",
                  _hex(entry, "platform-configuration", "platform reference") == claims[2401])
    rv_comps = entry.get("sw-components", [])
    if not isinstance(rv_comps, list):
        raise CcaError("platform reference: sw-components must be a list")
    used = []
    for i, comp in enumerate(claims[2399]):
        want = _sw_component(rep, comp, rv_comps, i)
        if want is not None:
            used.append(id(want))
    for c in rv_comps:
        if id(c) not in used:
            rep.check("sw-component %s" % c.get("component-type", "?"), False,
                      "in reference values but not in the token")


def realm(rep, claims, rv):
    entries = rv.get("realm", [])
    if not isinstance(entries, list) or not entries:
        raise CcaError("reference values: realm must be a non-empty list")
    # The entry whose RIM matches, else the first one (to report what differs).
    entry = _entry(entries[0], "realm reference")
    for ent in entries:
        if _hex(_entry(ent, "realm reference"), "initial-measurement",
                "realm reference") == claims[44238]:
            entry = ent
            break
    rep.lines.append("realm:")
    rep.check("initial-measurement",
              _hex(entry, "initial-measurement", "realm reference") == claims[44238])
    rems = entry.get("extensible-measurements")
    if rems is not None:
        if not isinstance(rems, list):
            raise CcaError("realm reference: extensible-measurements must be a list")
        for i, rem in enumerate(rems):
            got = claims[44239][i] if i < len(claims[44239]) else None
            rep.check("extensible-measurements[%d]" % i,
                      _hex({"m": rem}, "m", "realm reference REM") == got)
    if "personalization-value" in entry:
        rep.check("personalization-value",
                  _hex(entry, "personalization-value", "realm reference") == claims[44235])
    if "rak-hash-algorithm" in entry:
        rep.check("rak-hash-algorithm", entry["rak-hash-algorithm"] == claims[44240],
                  "token %r" % claims[44240])
