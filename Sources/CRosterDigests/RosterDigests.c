// OpenSSL 3 marks the one-algorithm SHA256_* and MD5_* calls deprecated in favour of EVP, whose
// per-call set-up costs more than hashing a 30-byte address (measured in docs/PERFORMANCE.md).
// They remain part of libcrypto's API and stay fast (SHA-NI where the CPU has it).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/md5.h>
#include <openssl/sha.h>

#include "CRosterDigests.h"

static uint64_t big_endian_prefix(const unsigned char *digest) {
    uint64_t prefix = 0;
    for (int i = 0; i < 8; i++) prefix = prefix << 8 | digest[i];
    return prefix;
}

void relicensure_digest_prefixes(relicensure_hash hash, const uint8_t *bytes, const size_t *offsets, size_t count,
                                 const uint8_t *salt, size_t salt_length, uint64_t *prefixes) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    for (size_t i = 0; i < count; i++) {
        const uint8_t *form = bytes + offsets[i];
        size_t length = offsets[i + 1] - offsets[i];
        if (hash == RELICENSURE_MD5) {
            MD5_CTX context;
            MD5_Init(&context);
            MD5_Update(&context, form, length);
            MD5_Update(&context, salt, salt_length);
            MD5_Final(digest, &context);
        } else {
            SHA256_CTX context;
            SHA256_Init(&context);
            SHA256_Update(&context, form, length);
            SHA256_Update(&context, salt, salt_length);
            SHA256_Final(digest, &context);
        }
        prefixes[i] = big_endian_prefix(digest);
    }
}
