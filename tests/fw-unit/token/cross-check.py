#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# cross-check.py: tokens made by the C library are verified and decoded by scripts/cca-token, and
# tokens made by scripts/cca-token are parsed and verified by the C library (via token-tool), so
# each implementation checks the other. Usage: cross-check.py TOKEN_TOOL CCA_TOKEN_SCRIPT
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import cbor2
from cryptography.hazmat.primitives.asymmetric import ec

# Keep the source tree free of __pycache__.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), ""))
from ccatoken import keys  # noqa: E402  (JWK helpers only; the checks below are written here)

TOOL, SCRIPT = sys.argv[1], sys.argv[2]
failures = []
checks = 0


def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg)


def run(*args):
    p = subprocess.run(list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def point(priv):
    n = priv.public_key().public_numbers()
    return n.x.to_bytes(48, "big"), n.y.to_bytes(48, "big")


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f)


def c_made_expectation(rak_enc):
    """The claim set token-tool.c builds, written out independently."""
    return {
        "platform": {
            "cca-platform-profile": "tag:arm.com,2023:cca_platform#1.0.0",
            "cca-platform-challenge": hashlib.sha384(rak_enc).hexdigest(),
            "cca-platform-implementation-id": "7f" * 32,
            "cca-platform-instance-id": "01" + "33" * 32,
            "cca-platform-config": b"cfg".hex(),
            "cca-platform-lifecycle": 0x3003,
            "cca-platform-sw-components": [
                {"component-type": "RMM", "measurement-value": "44" * 32, "version": "1.0",
                 "signer-id": "55" * 32, "hash-algo-id": "sha-256"},
                {"measurement-value": "66" * 48, "signer-id": "77" * 48},
            ],
            "cca-platform-verification-service": "https://verifier.example",
            "cca-platform-hash-algo-id": "sha-256",
        },
        "realm": {
            "cca-realm-profile": "tag:arm.com,2023:realm#1.0.0",
            "cca-realm-challenge": bytes(range(64)).hex(),
            "cca-realm-personalization-value": "50" * 64,
            "cca-realm-initial-measurement": "11" * 32,
            "cca-realm-extensible-measurements": [("%02x" % (0x20 + i)) * 32 for i in range(4)],
            "cca-realm-hash-algo-id": "sha-256",
            "cca-realm-public-key": rak_enc.hex(),
            "cca-realm-public-key-hash-algo-id": "sha-384",
        },
    }


def c_to_python(tmp):
    iak = ec.generate_private_key(ec.SECP384R1())
    rak = ec.generate_private_key(ec.SECP384R1())
    other = ec.generate_private_key(ec.SECP384R1())
    hexkey = lambda k: k.private_numbers().private_value.to_bytes(48, "big").hex()  # noqa: E731
    ta = os.path.join(tmp, "c-ta.json")
    bad_ta = os.path.join(tmp, "c-ta-other.json")
    write_json(ta, {k: v for k, v in keys.private_jwk("P-384", iak).items() if k != "d"})
    write_json(bad_ta, {k: v for k, v in keys.private_jwk("P-384", other).items() if k != "d"})
    x, y = point(rak)
    for form in ("collection", "legacy"):
        for rak_form in ("raw", "cose-key"):
            tag = "C-made %s/%s" % (form, rak_form)
            out = os.path.join(tmp, "c-%s-%s.cbor" % (form, rak_form))
            rc, _, err = run(TOOL, "make", out, hexkey(iak), hexkey(rak), form, rak_form)
            check(rc == 0, "%s: token-tool make failed: %s" % (tag, err))
            if rc:
                continue
            data = open(out, "rb").read()
            check(cbor2.loads(data).tag == (399 if form == "legacy" else 907), tag + ": tag")
            rc, so, se = run(SCRIPT, "verify", out, "--trust-anchors", ta,
                             "--challenge", bytes(range(64)).hex())
            check(rc == 0 and "verdict: PASS" in so, "%s: python verify: %s%s" % (tag, so, se))
            rc, so, _ = run(SCRIPT, "verify", out, "--trust-anchors", bad_ta)
            check(rc == 1 and "platform: FAILED" in so, tag + ": other CPAK accepted")
            rc, so, _ = run(SCRIPT, "verify", out, "--challenge", "00" * 64)
            check(rc == 1 and "challenge: FAILED" in so, tag + ": wrong challenge accepted")
            rak_enc = (b"\x04" + x + y if rak_form == "raw"
                       else cbor2.dumps({1: 2, -1: 2, -2: x, -3: y}))
            rc, so, se = run(SCRIPT, "decode", "--json", out)
            got = json.loads(so) if rc == 0 else {}
            want = c_made_expectation(rak_enc)
            for part in ("platform", "realm"):
                check(got.get(part) == want[part], "%s: %s claims differ:\n got  %s\n want %s" % (
                    tag, part, got.get(part), want[part]))
            # The last byte belongs to the realm signature.
            bad = os.path.join(tmp, "c-bad.cbor")
            open(bad, "wb").write(data[:-1] + bytes([data[-1] ^ 1]))
            rc, so, _ = run(SCRIPT, "verify", bad, "--trust-anchors", ta)
            check(rc == 1 and "realm: FAILED" in so, tag + ": tampered realm signature accepted")


def py_claims(rak_form, challenge=None):
    plat = {
        "cca-platform-profile": "http://arm.com/CCA-SSD/1.0.0",
        "cca-platform-implementation-id": "a5" * 32,
        "cca-platform-instance-id": "01" + "5a" * 32,
        "cca-platform-config": "00112233445566",
        "cca-platform-lifecycle": 0x3000,
        "cca-platform-sw-components": [
            {"component-type": "BL2", "measurement-value": "ab" * 64, "version": "2.1",
             "signer-id": "cd" * 64, "hash-algo-id": "sha-512"},
            {"measurement-value": "ef" * 32, "signer-id": "01" * 32},
        ],
        "cca-platform-hash-algo-id": "sha-512",
    }
    if challenge:
        plat["cca-platform-challenge"] = challenge
    realm = {
        "cca-realm-challenge": "c3" * 64,
        "cca-realm-personalization-value": "9e" * 64,
        "cca-realm-initial-measurement": "1d" * 64,
        "cca-realm-extensible-measurements": [("%02x" % (0x70 + i)) * 64 for i in range(4)],
        "cca-realm-hash-algo-id": "sha-512",
        "cca-realm-public-key-hash-algo-id": "sha-512",
        "rak-format": rak_form,
    }
    return {"platform": plat, "realm": realm}


def expected_lines(spec, legacy, rak_enc, binding):
    p, r = spec["platform"], spec["realm"]
    lines = ["form=" + ("legacy" if legacy else "collection"),
             "platform.profile=" + p["cca-platform-profile"],
             "platform.challenge=" + binding,
             "platform.implementation-id=" + p["cca-platform-implementation-id"],
             "platform.instance-id=" + p["cca-platform-instance-id"],
             "platform.config=" + p["cca-platform-config"],
             "platform.lifecycle=%d" % p["cca-platform-lifecycle"],
             "platform.hash-algo-id=" + p["cca-platform-hash-algo-id"]]
    for i, c in enumerate(p["cca-platform-sw-components"]):
        for k in ("component-type", "measurement-value", "version", "signer-id",
                  "hash-algo-id"):
            if k in c:
                lines.append("platform.sw[%d].%s=%s" % (i, k, c[k]))
    lines += ["realm.challenge=" + r["cca-realm-challenge"],
              "realm.personalization-value=" + r["cca-realm-personalization-value"],
              "realm.initial-measurement=" + r["cca-realm-initial-measurement"]]
    lines += ["realm.extensible-measurements[%d]=%s" % (i, m)
              for i, m in enumerate(r["cca-realm-extensible-measurements"])]
    lines += ["realm.hash-algo-id=" + r["cca-realm-hash-algo-id"],
              "realm.public-key=" + rak_enc.hex(),
              "realm.public-key-hash-algo-id=" + r["cca-realm-public-key-hash-algo-id"]]
    return sorted(lines)


def python_to_c(tmp):
    iak_p = os.path.join(tmp, "iak.json")
    iak256_p = os.path.join(tmp, "iak256.json")
    rak_p = os.path.join(tmp, "rak.json")
    for path, curve in ((iak_p, "P-384"), (iak256_p, "P-256"), (rak_p, "P-384")):
        rc, _, err = run(SCRIPT, "keygen", "--curve", curve, "-o", path)
        check(rc == 0, "keygen: " + err)
    iak = keys.load_private(iak_p)
    rak = keys.load_private(rak_p)
    cpak = iak.point.hex()
    x, y = rak.point[1:49], rak.point[49:]
    for legacy in (False, True):
        for rak_form in ("raw", "cose-key"):
            tag = "Python-made %s/%s" % ("legacy" if legacy else "collection", rak_form)
            spec = py_claims(rak_form)
            claims_p = os.path.join(tmp, "claims.json")
            write_json(claims_p, spec)
            out = os.path.join(tmp, "py.cbor")
            args = [SCRIPT, "make", "--claims", claims_p, "--platform-key", iak_p,
                    "--realm-key", rak_p, "-o", out] + (["--legacy"] if legacy else [])
            rc, _, err = run(*args)
            check(rc == 0, "%s: make: %s" % (tag, err))
            if rc:
                continue
            rc, so, se = run(TOOL, "check", out, cpak)
            check(rc == 0, "%s: C check rc %d: %s%s" % (tag, rc, so, se))
            got = so.splitlines()
            verdicts = [ln for ln in got if ln.startswith("verify.")]
            check(verdicts == ["verify.platform=ok", "verify.realm=ok", "verify.binding=ok"],
                  "%s: C verdicts %s" % (tag, verdicts))
            rak_enc = (rak.point if rak_form == "raw"
                       else cbor2.dumps({1: 2, -1: 2, -2: x, -3: y}))
            want = expected_lines(spec, legacy, rak_enc, hashlib.sha512(rak_enc).hexdigest())
            claims = sorted(ln for ln in got if not ln.startswith("verify."))
            check(claims == want, "%s: C-parsed claims differ:\n got  %s\n want %s" % (
                tag, claims, want))
            data = open(out, "rb").read()
            bad = os.path.join(tmp, "py-bad.cbor")
            open(bad, "wb").write(data[:-1] + bytes([data[-1] ^ 0x80]))
            rc, so, _ = run(TOOL, "check", bad, cpak)
            check(rc == 1 and "verify.realm=signature does not verify" in so,
                  tag + ": C accepted a tampered realm signature: " + so)
    # A challenge that does not bind the RAK.
    spec = py_claims("raw", challenge="00" * 64)
    write_json(os.path.join(tmp, "claims.json"), spec)
    out = os.path.join(tmp, "py-unbound.cbor")
    rc, _, err = run(SCRIPT, "make", "--claims", os.path.join(tmp, "claims.json"),
                     "--platform-key", iak_p, "--realm-key", rak_p, "-o", out)
    rc, so, _ = run(TOOL, "check", out, cpak)
    check(rc == 1 and "verify.binding=platform challenge does not bind the realm key" in so,
          "C accepted an unbound token: " + so)
    # ES256 platform: parsed, realm verified, platform reported as unsupported by the C side.
    write_json(os.path.join(tmp, "claims.json"), py_claims("raw"))
    out = os.path.join(tmp, "py-es256.cbor")
    rc, _, err = run(SCRIPT, "make", "--claims", os.path.join(tmp, "claims.json"),
                     "--platform-key", iak256_p, "--realm-key", rak_p, "-o", out)
    check(rc == 0, "ES256 make: " + err)
    rc, so, _ = run(TOOL, "check", out, cpak)
    check(rc == 1 and "verify.platform=unsupported algorithm" in so and
          "verify.realm=ok" in so and "verify.binding=ok" in so, "ES256 token in C: " + so)
    rc, so, _ = run(SCRIPT, "verify", out, "--trust-anchors", iak256_p)
    check(rc == 0, "ES256 token in Python: " + so)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        c_to_python(tmp)
        python_to_c(tmp)
    print("cross-check: %d checks, %d failed" % (checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
