# SPDX-License-Identifier: GPL-2.0-or-later
# cose: COSE_Sign1 (RFC 9052 4.2/4.4) with ECDSA ES256/ES384/ES512 (RFC 9053 2.1).
import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils

from . import CcaError
from . import strictcbor

# alg -> (name, hash, curve name, coordinate size)
ALGS = {
    -7: ("ES256", hashes.SHA256, "P-256", 32),
    -35: ("ES384", hashes.SHA384, "P-384", 48),
    -36: ("ES512", hashes.SHA512, "P-521", 66),
}
ALG_FOR_CURVE = {v[2]: k for k, v in ALGS.items()}


class Sign1:
    def __init__(self, data, what):
        obj = strictcbor.loads(data, what)
        self.tagged = isinstance(obj, cbor2.CBORTag)
        if self.tagged:
            if obj.tag != 18:
                raise CcaError("%s: tag %d, expected 18 (COSE_Sign1)" % (what, obj.tag))
            obj = obj.value
        if not isinstance(obj, list) or len(obj) != 4:
            raise CcaError("%s: COSE_Sign1 must be an array of 4" % what)
        prot, unprot, payload, sig = obj
        if not isinstance(prot, bytes) or not isinstance(unprot, dict):
            raise CcaError("%s: bad COSE_Sign1 header buckets" % what)
        if payload is None:
            raise CcaError("%s: detached payload is not supported" % what)
        if not isinstance(payload, bytes) or not isinstance(sig, bytes):
            raise CcaError("%s: payload and signature must be byte strings" % what)
        phdr = strictcbor.loads(prot, what + " protected header") if prot else {}
        if not isinstance(phdr, dict):
            raise CcaError("%s: protected header is not a map" % what)
        if set(phdr) & set(unprot):
            raise CcaError("%s: a header label is in both buckets" % what)
        if 2 in phdr and (not isinstance(phdr[2], list) or not phdr[2] or
                          any(lbl != 1 for lbl in phdr[2])):
            raise CcaError("%s: crit names a header label this tool does not understand" % what)
        if not isinstance(phdr.get(1), int):
            raise CcaError("%s: protected header has no integer alg" % what)
        self.protected = prot
        self.alg = phdr[1]
        self.payload = payload
        self.signature = sig

    @property
    def alg_name(self):
        return ALGS[self.alg][0] if self.alg in ALGS else "alg %d" % self.alg

    def to_be_signed(self):
        return cbor2.dumps(["Signature1", self.protected, b"", self.payload])

    def verify(self, pubkey, crv):
        """None when valid, else the reason."""
        if self.alg not in ALGS:
            return "unsupported algorithm %d" % self.alg
        name, hash_cls, alg_crv, size = ALGS[self.alg]
        if alg_crv != crv:
            return "%s needs a %s key, got %s" % (name, alg_crv, crv)
        if len(self.signature) != 2 * size:
            return "signature is %d bytes, %s needs %d" % (len(self.signature), name, 2 * size)
        r = int.from_bytes(self.signature[:size], "big")
        s = int.from_bytes(self.signature[size:], "big")
        try:
            pubkey.verify(utils.encode_dss_signature(r, s), self.to_be_signed(),
                          ec.ECDSA(hash_cls()))
        except InvalidSignature:
            return "signature does not verify"
        return None


def sign1(payload, priv, crv, tagged=True):
    """Encodes a COSE_Sign1 over payload with the ES* algorithm that matches the key's curve."""
    alg = ALG_FOR_CURVE[crv]
    _, hash_cls, _, size = ALGS[alg]
    prot = cbor2.dumps({1: alg})
    tbs = cbor2.dumps(["Signature1", prot, b"", payload])
    r, s = utils.decode_dss_signature(priv.sign(tbs, ec.ECDSA(hash_cls())))
    msg = [prot, {}, payload, r.to_bytes(size, "big") + s.to_bytes(size, "big")]
    return cbor2.dumps(cbor2.CBORTag(18, msg) if tagged else msg)
