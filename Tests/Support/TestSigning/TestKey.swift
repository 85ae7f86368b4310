import Crypto
import Foundation
public import OpenBadges
import _CryptoExtras

/// A signing key made for one test, in one of the kinds SPEC §4.4 accepts, with the public
/// forms an issuer would publish (PEM, JWK) and the JWS algorithm name it signs with.
public struct TestKey: Sendable {
    /// The kind of key to generate.
    public enum Kind: Sendable {
        case rsa(bits: Int)
        case p256
        case ed25519

        /// One of each kind SPEC §4.4 accepts: RS256 (2048 bits), ES256, EdDSA.
        public static let accepted: [Kind] = [.rsa(bits: 2048), .p256, .ed25519]
    }

    /// The private key; elliptic-curve keys as raw bytes because their types are not `Sendable`.
    private enum Secret: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case p256([UInt8])
        case ed25519([UInt8])
    }

    private let secret: Secret

    /// A fresh key (RSA keys under 2048 bits are made with the "unsafe" size, for the 1024-bit cases).
    public init(_ kind: Kind) throws {
        switch kind {
        case .rsa(let bits):
            let size = _RSA.Signing.KeySize(bitCount: bits)
            secret = .rsa(bits >= 2048 ? try _RSA.Signing.PrivateKey(keySize: size) : try _RSA.Signing.PrivateKey(unsafeKeySize: size))
        case .p256:
            secret = .p256([UInt8](P256.Signing.PrivateKey().rawRepresentation))
        case .ed25519:
            secret = .ed25519([UInt8](Curve25519.Signing.PrivateKey().rawRepresentation))
        }
    }

    /// The JWS `alg` this key signs with.
    public var algorithm: String {
        switch secret {
        case .rsa: "RS256"
        case .p256: "ES256"
        case .ed25519: "EdDSA"
        }
    }

    /// The public key as a PEM SubjectPublicKeyInfo.
    public var publicPEM: String {
        switch secret {
        case .rsa(let key): return key.publicKey.pemRepresentation
        case .p256(let raw): return ((try? P256.Signing.PrivateKey(rawRepresentation: raw))?.publicKey.pemRepresentation) ?? ""
        case .ed25519(let raw):
            // swift-crypto has no PEM for Ed25519: the SubjectPublicKeyInfo is a fixed prefix and the 32 bytes.
            let der = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]) + Self.edPublic(raw)
            return "-----BEGIN PUBLIC KEY-----\n\(der.base64EncodedString())\n-----END PUBLIC KEY-----\n"
        }
    }

    /// The public key as a JWK object, with `kid` when given.
    public func publicJWK(kid: String? = nil) -> JSONValue {
        var members: [JSONObject.Member] = []
        func add(_ key: String, _ value: String) { members.append(JSONObject.Member(key: key, value: .string(value))) }
        switch secret {
        case .rsa(let key):
            add("kty", "RSA")
            if let primitives = try? key.publicKey.getKeyPrimitives() {
                add("n", Base64URL.encode(primitives.modulus))
                add("e", Base64URL.encode(primitives.publicExponent))
            }
        case .p256(let raw):
            let point = [UInt8]((try? P256.Signing.PrivateKey(rawRepresentation: raw))?.publicKey.rawRepresentation ?? Data(count: 64))
            add("kty", "EC")
            add("crv", "P-256")
            add("x", Base64URL.encode(point[0..<32]))
            add("y", Base64URL.encode(point[32..<64]))
        case .ed25519(let raw):
            add("kty", "OKP")
            add("crv", "Ed25519")
            add("x", Base64URL.encode(Self.edPublic(raw)))
        }
        if let kid { add("kid", kid) }
        return .object(JSONObject(members))
    }

    /// This key's JWS signature of `message`.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch secret {
        case .rsa(let key): return [UInt8](try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
        case .p256(let raw): return [UInt8](try P256.Signing.PrivateKey(rawRepresentation: raw).signature(for: message).rawRepresentation)
        case .ed25519(let raw): return [UInt8](try Curve25519.Signing.PrivateKey(rawRepresentation: raw).signature(for: message))
        }
    }

    private static func edPublic(_ raw: [UInt8]) -> Data {
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw))?.publicKey.rawRepresentation ?? Data(count: 32)
    }
}
