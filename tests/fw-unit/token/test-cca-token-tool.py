#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# test-cca-token-tool.py: scripts/cca-token reaches every verdict stated in
# shared/testdata/cca-tokens/README.md, and reports bad input in one line with exit code 2.
# Usage: test-cca-token-tool.py CCA_TOKEN_SCRIPT SAMPLES_DIR (exit 77 if SAMPLES_DIR is absent)
import os
import subprocess
import sys
import tempfile

SCRIPT, SAMPLES = sys.argv[1], sys.argv[2]
failures = []
checks = 0


def run(*args):
    p = subprocess.run([SCRIPT] + [a if not a.startswith("@") else os.path.join(SAMPLES, a[1:])
                                   for a in args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def expect(args, rc, out_has=(), err_has=()):
    global checks
    checks += 1
    got_rc, so, se = run(*args)
    ok = got_rc == rc and all(s in so for s in out_has) and all(s in se for s in err_has)
    if rc == 2:
        ok &= se.count("\n") == 1 and se.startswith("cca-token: error: ")
    if not ok:
        failures.append(args)
        print("FAIL: cca-token %s: rc %d (want %d)\n--- stdout\n%s--- stderr\n%s" % (
            " ".join(args), got_rc, rc, so, se))


def main():
    if not os.path.isdir(SAMPLES):
        print("SKIP: %s not present" % SAMPLES)
        return 77
    # cca-token-01: decodes; appraises against rv.json as matching.
    expect(["decode", "@cca-token-01.cbor"], 0,
           ["legacy form (tag 399)", "cca-platform-sw-components (2399):",
            "cca-realm-public-key-hash-algo-id (44240): \"sha-256\""])
    expect(["appraise", "@cca-token-01.cbor", "--reference-values", "@rv.json"], 0,
           ["verdict: MATCH"])
    expect(["verify", "@cca-token-01.cbor", "--trust-anchors", "@cpak.json"], 0,
           ["platform: ok", "realm: ok", "verdict: PASS"])
    # cca-token-02: both verify with ta-02-ok; with ta-02-bad the platform fails (crypto
    # validation failed) and the realm is not checked.
    expect(["verify", "@cca-token-02.cbor", "--trust-anchors", "@ta-02-ok.json"], 0,
           ["platform: ok (ES256", "realm: ok", "verdict: PASS"])
    expect(["verify", "@cca-token-02.cbor", "--trust-anchors", "@ta-02-bad.json"], 1,
           ["platform: FAILED (crypto validation failed", "realm: not checked",
            "verdict: FAIL"])
    # The rv.json reference values are not those of token-02.
    expect(["appraise", "@cca-token-02.cbor", "--reference-values", "@rv.json"], 1,
           ["implementation-id: MISMATCH", "verdict: MISMATCH"])
    # draft-ffm-00 with ta-tfa: platform and realm verify.
    expect(["verify", "@cca-token-draft-ffm-00.cbor", "--trust-anchors", "@ta-tfa.json"], 0,
           ["platform: ok", "realm: ok", "cose-key RAK", "verdict: PASS"])
    # bug-33-repro with ta-tfa: platform verifies, realm fails (its binding is wrong).
    expect(["verify", "@bug-33-repro.cbor", "--trust-anchors", "@ta-tfa.json"], 1,
           ["platform: ok", "realm: FAILED", "binding: FAILED", "verdict: FAIL"])
    # A trust-anchor list without an entry for the token's identities.
    expect(["verify", "@cca-token-01.cbor", "--trust-anchors", "@ta.json"], 1,
           ["platform: FAILED (no trust anchor"])
    # Claims sets.
    for name in ("realm-claims.cbor", "realm-claims+spurious-numeric-key.cbor",
                 "realm-claims+spurious-text-key.cbor"):
        expect(["decode", "@" + name], 0, ["realm claims:", "cca-realm-challenge (10)"])
    expect(["decode", "@realm-claims+spurious-text-key.cbor"], 0,
           ['unknown claim "unknown-key": "unknown-claim"'])
    expect(["decode", "@realm-claims-missing-challenge.cbor"], 2, [],
           ["cca-realm-challenge (10) missing"])
    expect(["decode", "@platform-claims.cbor"], 0,
           ["platform claims:", "cca-platform-lifecycle (2395): 12288 (secured)"])
    with tempfile.TemporaryDirectory() as tmp:
        for hexdata, err in (("a0", "missing"), ("a10a0a", "must be a byte string"),
                             ("a10a48deadbeefdeadbeef", "has 8 bytes"),
                             ("ffffffff", "unexpected break"),
                             ("a20a0a0a0b", "duplicate map key")):
            path = os.path.join(tmp, hexdata + ".cbor")
            with open(path, "wb") as f:
                f.write(bytes.fromhex(hexdata))
            expect(["decode", path], 2, [], [err])
        # Unreadable files, wrong formats, missing keys.
        expect(["decode", os.path.join(tmp, "absent.cbor")], 2, [], ["cannot read"])
        expect(["verify", "@cca-token-01.cbor", "--trust-anchors", "@rv.json"], 2, [],
               ["expected an EC JWK"])
        expect(["verify", "@realm-claims.cbor"], 2, [], ["expected CBOR tag 907"])
        expect(["appraise", "@cca-token-01.cbor", "--reference-values", "@cca-token-01.diag"],
               2, [], ["not valid JSON"])
        expect(["make", "--claims", "@rv.json", "--platform-key", "@cpak.json", "--realm-key",
                "@cpak.json", "-o", os.path.join(tmp, "x.cbor")], 2, [], ["expected {"])
    print("cca-token-tool: %d checks, %d failed" % (checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
