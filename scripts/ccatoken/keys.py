# SPDX-License-Identifier: GPL-2.0-or-later
# keys: EC keys as JWK (RFC 7517/7518 6.2) and CCA trust-anchor lists, via python3-cryptography.
import base64
import json

from cryptography.hazmat.primitives.asymmetric import ec

from . import CcaError

CURVES = {"P-256": (ec.SECP256R1, 32), "P-384": (ec.SECP384R1, 48), "P-521": (ec.SECP521R1, 66)}


def b64u_decode(text, what):
    if not isinstance(text, str):
        raise CcaError("%s: expected a base64url string" % what)
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise CcaError("%s: not base64url" % what) from None


def b64u_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def load_json(path):
    try:
        with open(path, "rb") as f:
            return json.load(f)
    except OSError as e:
        raise CcaError("cannot read %s: %s" % (path, e.strerror)) from None
    except ValueError as e:
        raise CcaError("%s: not valid JSON (%s)" % (path, e)) from None


class Jwk:
    """An EC JWK; .public is None when the point is not on the curve (so verification fails the
    way a verifier must: crypto validation failed), .error says why."""

    def __init__(self, obj, what):
        if not isinstance(obj, dict) or obj.get("kty") != "EC" or obj.get("crv") not in CURVES:
            raise CcaError("%s: expected an EC JWK with crv P-256, P-384 or P-521" % what)
        self.crv = obj["crv"]
        curve, size = CURVES[self.crv]
        x = b64u_decode(obj.get("x"), what + " x")
        y = b64u_decode(obj.get("y"), what + " y")
        if len(x) != size or len(y) != size:
            raise CcaError("%s: x and y must be %d bytes for %s" % (what, size, self.crv))
        self.point = b"\x04" + x + y
        self.public = None
        self.private = None
        self.error = None
        try:
            self.public = ec.EllipticCurvePublicKey.from_encoded_point(curve(), self.point)
        except ValueError:
            self.error = "public key is not a point on %s" % self.crv
        if "d" in obj:
            d = int.from_bytes(b64u_decode(obj["d"], what + " d"), "big")
            try:
                self.private = ec.derive_private_key(d, curve())
            except ValueError:
                raise CcaError("%s: d is not a valid private scalar" % what) from None
            pub = self.private.public_key().public_numbers()
            if pub.x.to_bytes(size, "big") != x or pub.y.to_bytes(size, "big") != y:
                raise CcaError("%s: d does not match x and y" % what)


def load_private(path):
    key = Jwk(load_json(path), path)
    if key.private is None:
        raise CcaError("%s: no private part (d)" % path)
    return key


def private_jwk(crv, priv):
    """JWK text for a cryptography private key (used by keygen and the tests)."""
    size = CURVES[crv][1]
    nums = priv.private_numbers()
    return {
        "kty": "EC", "crv": crv,
        "x": b64u_encode(nums.public_numbers.x.to_bytes(size, "big")),
        "y": b64u_encode(nums.public_numbers.y.to_bytes(size, "big")),
        "d": b64u_encode(nums.private_value.to_bytes(size, "big")),
    }


class TrustAnchors:
    """Either one bare JWK (the CPAK, as cpak.json) or a list of {implementation-id, instance-id,
    pkey} entries (as ta.json) selected by the platform token's identities."""

    def __init__(self, path):
        data = load_json(path)
        self.path = path
        self.entries = []
        if isinstance(data, dict):
            self.entries.append((None, None, Jwk(data, path)))
        elif isinstance(data, list):
            for i, ent in enumerate(data):
                what = "%s entry %d" % (path, i)
                if not isinstance(ent, dict) or "pkey" not in ent:
                    raise CcaError("%s: needs implementation-id, instance-id and pkey" % what)
                ids = []
                for field in ("implementation-id", "instance-id"):
                    try:
                        ids.append(bytes.fromhex(ent[field]))
                    except (KeyError, TypeError, ValueError):
                        raise CcaError("%s: %s missing or not hex" % (what, field)) from None
                self.entries.append((ids[0], ids[1], Jwk(ent["pkey"], what + " pkey")))
        else:
            raise CcaError("%s: expected a JWK object or a list of trust anchors" % path)

    def lookup(self, impl_id, inst_id):
        for impl, inst, key in self.entries:
            if impl is None or (impl == impl_id and inst == inst_id):
                return key
        return None
