# SPDX-License-Identifier: GPL-2.0-or-later
# ccatoken: an independent Python reader, verifier, appraiser and maker of Arm CCA attestation
# tokens (cbor2 + cryptography), used by scripts/cca-token to cross-check the firmware's C code.


class CcaError(Exception):
    """A problem with the input (unreadable, wrong format, missing key): reported in one line."""
