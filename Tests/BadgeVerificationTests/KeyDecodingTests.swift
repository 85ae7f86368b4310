import BadgeVerification
import Foundation
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

    @Test("A PEM laid out by other tools is read: 76-character lines, CRLF, one line, blanks around")
    func pemLayouts() throws {
        let key = try TestKey(.rsa(bits: 2048))
        let der = Self.der(of: key.publicPEM)
        let body = Data(der).base64EncodedString()
        let layouts = [
            Self.pem(Data(der).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])),
            Self.pem(body),
            "  -----BEGIN PUBLIC KEY-----\(body)-----END PUBLIC KEY-----  ",
            "\n\n" + key.publicPEM.replacingOccurrences(of: "\n", with: " \n\t") + "\n",
        ]
        for text in layouts {
            #expect(try IssuerKeyDecoder.key(pem: text, id: nil, origin: "k.pem").rsaBits == 2048, "\(text)")
        }
    }

    @Test("Not a SubjectPublicKeyInfo: trailing bytes, unused bits, an unknown or missing algorithm, lengths not in DER's shortest form, no END line", arguments: [
        "trailing", "unused-bits", "unknown-oid", "p384-curve", "no-algorithm", "long-length", "no-end", "empty",
    ])
    func notSubjectPublicKeyInfo(_ case: String) throws {
        let valid = Self.der(of: try TestKey(.ed25519).publicPEM)
        #expect(valid.count == 44 && valid[0] == 0x30 && valid[11] == 0x00)
        // The bytes as they are make a key: each case below spoils one thing only.
        #expect(try IssuerKeyDecoder.key(pem: Self.pem(valid), id: nil, origin: "good.pem").algorithm == .edDSA)
        let key = Array(valid[12...])
        let text: String = switch `case` {
        // Bytes after the outer SEQUENCE.
        case "trailing": Self.pem(valid + [0x05, 0x00])
        // A BIT STRING whose last byte has 1 unused bit.
        case "unused-bits": Self.pem(Array(valid[..<11]) + [0x01] + key)
        // 1.3.101.113 (X448) in place of 1.3.101.112 (Ed25519).
        case "unknown-oid": Self.pem([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x71] + valid[9...])
        // id-ecPublicKey on P-384 (1.3.132.0.34), with a P-256-sized point.
        case "p384-curve": Self.pem([0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
                                     0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22, 0x03, 0x42, 0x00, 0x04]
                                    + [UInt8](repeating: 1, count: 64))
        // The BIT STRING alone in the outer SEQUENCE.
        case "no-algorithm": Self.pem([0x30, 0x23] + valid[9...])
        // The outer length written as 0x81 0x2A: long form for a length under 128 is not DER.
        case "long-length": Self.pem([0x30, 0x81, 0x2A] + valid[2...])
        case "no-end": "-----BEGIN PUBLIC KEY-----\n\(Data(valid).base64EncodedString())\n"
        default: "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n"
        }
        #expect(throws: KeyDecodingError.self) { try IssuerKeyDecoder.key(pem: text, id: nil, origin: "bad.pem") }
    }

    /// The DER inside a PEM made by `TestKey`.
    static func der(of pem: String) -> [UInt8] {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: body).map { [UInt8]($0) } ?? []
    }

    /// A `PUBLIC KEY` PEM around `body`, base64 already.
    static func pem(_ body: String) -> String {
        "-----BEGIN PUBLIC KEY-----\n\(body)\n-----END PUBLIC KEY-----\n"
    }

    /// A `PUBLIC KEY` PEM around `der`, in 64-character lines.
    static func pem(_ der: [UInt8]) -> String {
        pem(Data(der).base64EncodedString(options: .lineLength64Characters))
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
