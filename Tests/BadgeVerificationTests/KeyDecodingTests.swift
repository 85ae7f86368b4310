import BadgeVerification
import OpenBadges
import TestSigning
import Testing

@Suite("Issuer keys from PEM, JWK and JWK Set files (SPEC §3 verification.keys)")
struct KeyDecodingTests {
    @Test("A PEM with one public key is read, without an id", arguments: TestKey.Kind.accepted)
    func pem(kind: TestKey.Kind) throws {
        let key = try TestKey(kind)
        let decoded = try IssuerKeyDecoder.keys(inFile: Array(key.publicPEM.utf8), origin: "k.pem")
        #expect(decoded.count == 1)
        #expect(decoded.first?.id == nil)
        #expect(decoded.first?.algorithm.rawValue == key.algorithm)
    }

    @Test("A JWK is read with its kid as id", arguments: TestKey.Kind.accepted)
    func jwk(kind: TestKey.Kind) throws {
        let key = try TestKey(kind)
        let decoded = try IssuerKeyDecoder.keys(inFile: Array(key.publicJWK(kid: "k-2026").serialized().utf8), origin: "k.jwk")
        #expect(decoded.map(\.id) == ["k-2026"])
        #expect(decoded.first?.algorithm.rawValue == key.algorithm)
    }

    @Test("A JWK Set gives every signing key it holds and leaves out the others")
    func jwkSet() throws {
        let rsa = try TestKey(.rsa(bits: 2048)), ec = try TestKey(.p256)
        let set = """
            {"keys": [\(rsa.publicJWK(kid: "a").serialized()), \(ec.publicJWK(kid: "b").serialized()),
                      {"kty": "oct", "k": "c2VjcmV0", "kid": "hmac"}, {"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"}]}
            """
        let decoded = try IssuerKeyDecoder.keys(inFile: Array(set.utf8), origin: "set.json")
        #expect(decoded.map(\.id) == ["a", "b"])
        #expect(throws: KeyDecodingError.self) {
            try IssuerKeyDecoder.keys(inFile: Array(#"{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}"#.utf8), origin: "set.json")
        }
    }

    @Test("RSA keys of 1024 bits are accepted and report their size")
    func rsa1024() throws {
        let key = try TestKey(.rsa(bits: 1024))
        let decoded = try IssuerKeyDecoder.key(pem: key.publicPEM, id: nil, origin: "old.pem")
        #expect(decoded.rsaBits == 1024)
        let fromJWK = try IssuerKeyDecoder.key(jwk: key.publicJWK(), id: "x", origin: "old.jwk")
        #expect(fromJWK.rsaBits == 1024)
    }

    @Test("Not keys: two PEM blocks, a certificate label, an HMAC secret, garbage", arguments: [
        "two", "certificate", "oct", "garbage", "broken-base64",
    ])
    func refused(_ case: String) throws {
        let pem = try TestKey(.p256).publicPEM
        let text: String = switch `case` {
        case "two": pem + pem
        case "certificate": pem.replacingOccurrences(of: "PUBLIC KEY", with: "CERTIFICATE")
        case "oct": #"{"kty": "oct", "k": "c2VjcmV0"}"#
        case "broken-base64": "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"
        default: "not a key at all"
        }
        #expect(throws: KeyDecodingError.self) { try IssuerKeyDecoder.keys(inFile: Array(text.utf8), origin: "bad") }
    }

    @Test("A CryptographicKey document: publicKeyPem or publicKeyJwk, its id kept")
    func cryptographicKey() throws {
        let key = try TestKey(.ed25519)
        let pem = CryptographicKey(id: "https://i.example/k1", owner: nil, publicKeyPem: key.publicPEM, jwk: nil)
        #expect(try IssuerKeyDecoder.key(pem, origin: "inbox").id == "https://i.example/k1")
        let jwk = CryptographicKey(id: "https://i.example/k2", owner: nil, publicKeyPem: nil, jwk: key.publicJWK(kid: "ignored"))
        #expect(try IssuerKeyDecoder.key(jwk, origin: "inbox").id == "https://i.example/k2")
        #expect(throws: KeyDecodingError.self) {
            try IssuerKeyDecoder.key(CryptographicKey(id: "k3", owner: nil, publicKeyPem: nil, jwk: nil), origin: "inbox")
        }
    }
}
