#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# diff-p384.py: random differential test of the firmware P-384/ECDSA code against OpenSSL (through
# python3-cryptography): key derivation, signing, verification and key validation must agree.
import os
import random
import subprocess
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils

# FIPS 186-4 D.1.2.4.
N = int('ffffffffffffffffffffffffffffffffffffffffffffffff'
        'c7634d81f4372ddf581a0db248b0a77aecec196accc52973', 16)
P = 2**384 - 2**128 - 2**96 + 2**32 - 1
B = int('b3312fa7e23ee7e4988e056be3f82d19181d9c6efe814112'
        '0314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef', 16)
HASHES = {'sha256': hashes.SHA256(), 'sha384': hashes.SHA384(), 'sha512': hashes.SHA512()}


class Tool:
    def __init__(self, path):
        self.proc = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)

    def ask(self, *words):
        self.proc.stdin.write(' '.join(words) + '\n')
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self):
        self.proc.stdin.close()
        return self.proc.wait()


def h48(v):
    return '%096x' % v


def point_hex(pub):
    nums = pub.public_numbers()
    return '04' + h48(nums.x) + h48(nums.y)


def openssl_verify(pub, alg, digest, r, s):
    try:
        pub.verify(utils.encode_dss_signature(r, s), digest,
                   ec.ECDSA(utils.Prehashed(HASHES[alg])))
        return True
    except InvalidSignature:
        return False


def main():
    if len(sys.argv) < 2:
        print('usage: diff-p384.py P384-TOOL [ROUNDS] [SEED|random]', file=sys.stderr)
        return 2
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    # A fixed default seed keeps CI reproducible; pass 'random' (or a number) to explore.
    seed_arg = sys.argv[3] if len(sys.argv) > 3 else '6979'
    seed = int.from_bytes(os.urandom(4), 'big') if seed_arg == 'random' else int(seed_arg)
    rng = random.Random(seed)
    tool = Tool(sys.argv[1])
    fails = 0
    checks = 0

    def check(ok, what):
        nonlocal fails, checks
        checks += 1
        if not ok:
            fails += 1
            print('FAIL (seed %d): %s' % (seed, what), file=sys.stderr)

    # Edge scalars first, then random ones, including small and near-n values.
    scalars = [1, 2, 3, N - 1, N - 2, 2**383, 2**192 + 1]
    scalars += [rng.randrange(1, N) for _ in range(rounds)]
    for i, d in enumerate(scalars):
        key = ec.derive_private_key(d, ec.SECP384R1())
        pub = key.public_key()
        q = point_hex(pub)
        check(tool.ask('pub', h48(d)) == q, 'pub of d=%x' % d)
        check(tool.ask('check', q) == 'ok', 'valid key rejected, d=%x' % d)

        alg = rng.choice(sorted(HASHES))
        msg = rng.randbytes(rng.randrange(0, 200))
        hobj = hashes.Hash(HASHES[alg])
        hobj.update(msg)
        digest = hobj.finalize()

        # Our deterministic signature must satisfy OpenSSL.
        sig = tool.ask('sign', h48(d), alg, digest.hex())
        r, s = int(sig[:96], 16), int(sig[96:], 16)
        check(openssl_verify(pub, alg, digest, r, s), 'OpenSSL rejects our %s signature' % alg)

        # OpenSSL's randomised signature must satisfy us, and so must its (r, n - s) twin.
        der = key.sign(digest, ec.ECDSA(utils.Prehashed(HASHES[alg])))
        r2, s2 = utils.decode_dss_signature(der)
        check(tool.ask('verify', q, digest.hex(), h48(r2) + h48(s2)) == 'ok',
              'we reject an OpenSSL %s signature' % alg)
        check(tool.ask('verify', q, digest.hex(), h48(r2) + h48(N - s2)) == 'ok',
              'we reject (r, n-s)')

        # A random change to the signature or digest: both sides must reject it alike.
        r3 = (r2 + rng.randrange(1, 1000)) % N or 1
        want = openssl_verify(pub, alg, digest, r3, s2)
        got = tool.ask('verify', q, digest.hex(), h48(r3) + h48(s2)) == 'ok'
        check(want == got, 'changed r: OpenSSL %s, ours %s' % (want, got))
        bad_digest = bytes([digest[0] ^ 0x80]) + digest[1:]
        want = openssl_verify(pub, alg, bad_digest, r2, s2)
        got = tool.ask('verify', q, bad_digest.hex(), h48(r2) + h48(s2)) == 'ok'
        check(want == got, 'changed digest: OpenSSL %s, ours %s' % (want, got))

        # Key validation: a random (x, y) is essentially never on the curve, while x with
        # y = sqrt(x^3 - 3x + b) (p = 3 mod 4, so a square root is a power) is whenever the
        # root exists. OpenSSL decides each case; ours must agree.
        x = rng.randrange(P)
        rhs = (x**3 - 3 * x + B) % P
        y = pow(rhs, (P + 1) // 4, P)
        for px, py in ((x, y), (x, rng.randrange(P)), (x, P - y)):
            try:
                ec.EllipticCurvePublicNumbers(px, py, ec.SECP384R1()).public_key()
                want = True
            except ValueError:
                want = False
            got = tool.ask('check', '04' + h48(px) + h48(py)) == 'ok'
            check(want == got, 'point (%x, %x): OpenSSL %s, ours %s' % (px, py, want, got))

    check(tool.ask('pub', h48(0)) == 'err', 'd = 0 accepted')
    check(tool.ask('pub', h48(N)) == 'err', 'd = n accepted')
    rc = tool.close()
    check(rc == 0, 'tool exit status %d' % rc)
    print('crypto-p384-diff-openssl: %d/%d checks agreed (seed %d, %d keys)' %
          (checks - fails, checks, seed, len(scalars)))
    return 1 if fails or not checks else 0


if __name__ == '__main__':
    sys.exit(main())
