/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-rfc6979.c: deterministic P-384 ECDSA against RFC 6979 appendix A.2.6. */
#include <string.h>
#include "crypto/ecdsa.h"
#include "crypto/p384.h"
#include "vectors.h"

/* RFC 6979 A.2.6 "ECDSA, 384 Bits (Prime Field)": the key pair and the SHA-2 signatures of the
 * messages "sample" and "test" (values transcribed from the RFC, pages 35-37). */
static const char rfc_x[] =
    "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D8"
    "96D5724E4C70A825F872C9EA60D2EDF5";
static const char rfc_ux[] =
    "EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64"
    "DEF8F0EA9055866064A254515480BC13";
static const char rfc_uy[] =
    "8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1"
    "288B231C3AE0D4FE7344FD2533264720";

typedef struct {
    HashAlg alg;
    const char *msg;
    const char *k;
    const char *r;
    const char *s;
} Rfc6979Case;

static const Rfc6979Case cases[] = {
    { HASH_SHA256, "sample",
      "180AE9F9AEC5438A44BC159A1FCB277C7BE54FA20E7CF404B490650A8ACC414E"
      "375572342863C899F9F2EDF9747A9B60",
      "21B13D1E013C7FA1392D03C5F99AF8B30C570C6F98D4EA8E354B63A21D3DAA33"
      "BDE1E888E63355D92FA2B3C36D8FB2CD",
      "F3AA443FB107745BF4BD77CB3891674632068A10CA67E3D45DB2266FA7D1FEEB"
      "EFDC63ECCD1AC42EC0CB8668A4FA0AB0" },
    { HASH_SHA384, "sample",
      "94ED910D1A099DAD3254E9242AE85ABDE4BA15168EAF0CA87A555FD56D10FBCA"
      "2907E3E83BA95368623B8C4686915CF9",
      "94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C"
      "81A648152E44ACF96E36DD1E80FABE46",
      "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94F"
      "A329C145786E679E7B82C71A38628AC8" },
    { HASH_SHA512, "sample",
      "92FC3C7183A883E24216D1141F1A8976C5B0DD797DFA597E3D7B32198BD35331"
      "A4E966532593A52980D0E3AAA5E10EC3",
      "ED0959D5880AB2D869AE7F6C2915C6D60F96507F9CB3E047C0046861DA4A799C"
      "FE30F35CC900056D7C99CD7882433709",
      "512C8CCEEE3890A84058CE1E22DBC2198F42323CE8ACA9135329F03C068E5112"
      "DC7CC3EF3446DEFCEB01A45C2667FDD5" },
    { HASH_SHA256, "test",
      "0CFAC37587532347DC3389FDC98286BBA8C73807285B184C83E62E26C401C0FA"
      "A48DD070BA79921A3457ABFF2D630AD7",
      "6D6DEFAC9AB64DABAFE36C6BF510352A4CC27001263638E5B16D9BB51D451559"
      "F918EEDAF2293BE5B475CC8F0188636B",
      "2D46F3BECBCC523D5F1A1256BF0C9B024D879BA9E838144C8BA6BAEB4B53B47D"
      "51AB373F9845C0514EEFB14024787265" },
    { HASH_SHA384, "test",
      "015EE46A5BF88773ED9123A5AB0807962D193719503C527B031B4C2D225092AD"
      "A71F4A459BC0DA98ADB95837DB8312EA",
      "8203B63D3C853E8D77227FB377BCF7B7B772E97892A80F36AB775D509D7A5FEB"
      "0542A7F0812998DA8F1DD3CA3CF023DB",
      "DDD0760448D42D8A43AF45AF836FCE4DE8BE06B485E9B61B827C2F13173923E0"
      "6A739F040649A667BF3B828246BAA5A5" },
    { HASH_SHA512, "test",
      "3780C4F67CB15518B6ACAE34C9F83568D2E12E47DEAB6C50A4E4EE5319D1E8CE"
      "0E2CC8A136036DC4B9C00E6888F66B6C",
      "A0D5D090C9980FAF3C2CE57B7AE951D31977DD11C775D314AF55F76C676447D0"
      "6FB6495CD21B4B6E340FC236584FB277",
      "976984E59B4C77B0E8E4460DCA3D9F20E07B9BB1F63BEEFAF576F6B2E8B22463"
      "4A2092CD3792E0159AD9CEE37659C736" },
};

static const char *alg_name(HashAlg a)
{
    return a == HASH_SHA256 ? "SHA-256" : a == HASH_SHA384 ? "SHA-384" : "SHA-512";
}

int main(void)
{
    Tally t = { .name = "rfc6979-p384" };
    uint8_t x[48], pub[97], got_pub[97];

    pub[0] = 0x04;
    if (hex_fixed(rfc_x, x, 48) || hex_fixed(rfc_ux, pub + 1, 48)
        || hex_fixed(rfc_uy, pub + 49, 48)) {
        fprintf(stderr, "bad built-in key\n");
        return 1;
    }
    tally_check(&t, p384_public_from_private(x, got_pub) == 0 && memcmp(got_pub, pub, 97) == 0,
                __LINE__, "x G != U");

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const Rfc6979Case *c = &cases[i];
        uint8_t digest[HASH_MAX_DIGEST_LEN], want[96], k[48], got[96], got_k[96];
        size_t dl = hash_len(c->alg);

        hex_fixed(c->r, want, 48);
        hex_fixed(c->s, want + 48, 48);
        hex_fixed(c->k, k, 48);
        hash_digest(c->alg, c->msg, strlen(c->msg), digest);

        /* The deterministic signer must reach the RFC's (r, s), which implies its k. */
        tally_check(&t, ecdsa_p384_sign(x, c->alg, digest, dl, got) == 0
                        && memcmp(got, want, 96) == 0,
                    __LINE__, "%s \"%s\": deterministic signature differs", alg_name(c->alg),
                    c->msg);
        /* The RFC's k given explicitly gives the same signature (separates a nonce-derivation
         * fault from an arithmetic one). */
        tally_check(&t, ecdsa_p384_sign_with_k(x, k, digest, dl, got_k) == 0
                        && memcmp(got_k, want, 96) == 0,
                    __LINE__, "%s \"%s\": signature with the RFC's k differs", alg_name(c->alg),
                    c->msg);
        tally_check(&t, ecdsa_p384_verify(pub, digest, dl, want) == 0, __LINE__,
                    "%s \"%s\": RFC signature does not verify", alg_name(c->alg), c->msg);
    }
    return tally_report(&t);
}
