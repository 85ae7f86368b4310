#ifndef CROSTERDIGESTS_H
#define CROSTERDIGESTS_H

#include <stddef.h>
#include <stdint.h>

/// Which hash `relicensure_digest_prefixes` computes.
typedef enum {
    RELICENSURE_SHA256 = 0,
    RELICENSURE_MD5 = 1,
} relicensure_hash;

/// For each of `count` byte strings — string i is bytes[offsets[i] ..< offsets[i + 1]] — the
/// digest of the string followed by `salt`, its first eight bytes read big-endian into
/// prefixes[i]. OpenSSL's libcrypto does the hashing; this only loops, so that matching a
/// salt met once (a hash per roster address) costs the hash and nothing around it.
void relicensure_digest_prefixes(relicensure_hash hash, const uint8_t *bytes, const size_t *offsets, size_t count,
                                 const uint8_t *salt, size_t salt_length, uint64_t *prefixes);

#endif
