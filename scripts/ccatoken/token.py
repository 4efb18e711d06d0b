# SPDX-License-Identifier: GPL-2.0-or-later
# token: the CCA token collection (tag 907 CMW map, or legacy tag 399) and the binding rule.
import hashlib

import cbor2

from . import CcaError
from . import claims as cl
from . import cose
from . import strictcbor

TAG_LEGACY = 399
TAG_COLLECTION = 907
CONTENT_TYPE_EAT_CWT = 263
PLATFORM_LABEL = 44234
REALM_LABEL = 44241


class Token:
    def __init__(self, data, what="token"):
        top = strictcbor.loads(data, what)
        if not isinstance(top, cbor2.CBORTag) or top.tag not in (TAG_LEGACY, TAG_COLLECTION):
            raise CcaError("%s: expected CBOR tag 907 (CCA token collection) or 399 (legacy)" %
                           what)
        self.legacy = top.tag == TAG_LEGACY
        body = top.value
        if not isinstance(body, dict) or set(body) != {PLATFORM_LABEL, REALM_LABEL}:
            raise CcaError("%s: the collection must map exactly 44234 and 44241" % what)
        parts = {}
        for label, name in ((PLATFORM_LABEL, "platform"), (REALM_LABEL, "realm")):
            ent = body[label]
            if not self.legacy:
                if (not isinstance(ent, list) or len(ent) != 2 or
                        ent[0] != CONTENT_TYPE_EAT_CWT or not isinstance(ent[1], bytes)):
                    raise CcaError("%s: %s entry must be [263, bstr]" % (what, name))
                ent = ent[1]
            elif not isinstance(ent, bytes):
                raise CcaError("%s: %s entry must be a byte string" % (what, name))
            parts[name] = ent
        self.platform = cose.Sign1(parts["platform"], "platform token")
        self.platform_claims = strictcbor.loads(self.platform.payload, "platform claims")
        cl.check_platform(self.platform_claims)
        self.realm = cose.Sign1(parts["realm"], "realm token")
        self.realm_claims = strictcbor.loads(self.realm.payload, "realm claims")
        cl.check_realm(self.realm_claims)

    def binding_ok(self):
        """(ok, detail): platform challenge == hash_{44240}(claim 44237 bytes)."""
        alg = self.realm_claims[44240]
        if alg not in cl.HASH_NAMES:
            return False, "unsupported RAK hash algorithm %r" % alg
        digest = hashlib.new(cl.HASH_NAMES[alg], self.realm_claims[44237]).digest()
        if digest != self.platform_claims[10]:
            return False, "platform challenge is not %s(RAK)" % alg
        return True, "platform challenge = %s(RAK)" % alg


def build(platform_token, realm_token, legacy=False):
    if legacy:
        return cbor2.dumps(cbor2.CBORTag(TAG_LEGACY, {PLATFORM_LABEL: platform_token,
                                                      REALM_LABEL: realm_token}))
    return cbor2.dumps(cbor2.CBORTag(TAG_COLLECTION, {
        PLATFORM_LABEL: [CONTENT_TYPE_EAT_CWT, platform_token],
        REALM_LABEL: [CONTENT_TYPE_EAT_CWT, realm_token]}))
