import Crypto
import _CryptoExtras

/// A public key that may vouch for an issuer's badges: pinned in `verification.keys`, or listed
/// in the issuer's profile from the inbox (SPEC §4.4). Only keys decoded by `IssuerKeyDecoder`
/// exist, so holding one means it is an RSA (1024 bits or more), P-256 or Ed25519 key.
public struct IssuerKey: Sendable {
    /// The key's id (a JWK `kid`, a CryptographicKey `id`); `nil` for a bare PEM, which is
    /// tried for every token of its issuer.
    public let id: String?
    /// Where the key came from, for logs and reasons: a file path, or the profile that lists it.
    public let origin: String
    let material: Material

    /// The one algorithm this key verifies.
    public var algorithm: SigningAlgorithm { material.algorithm }

    /// The modulus size of an RSA key; `nil` for the elliptic-curve keys.
    public var rsaBits: Int? {
        if case .rsa(let key) = material { return key.keySizeInBits }
        return nil
    }

    init(id: String?, origin: String, material: Material) {
        self.id = id
        self.origin = origin
        self.material = material
    }

    /// The key itself, one case per accepted algorithm. The elliptic-curve keys are kept as
    /// their raw bytes (checked when decoded) because swift-crypto's types are not `Sendable`.
    enum Material: Sendable {
        case rsa(_RSA.Signing.PublicKey)
        /// x ‖ y, 64 bytes.
        case p256([UInt8])
        /// 32 bytes.
        case ed25519([UInt8])

        var algorithm: SigningAlgorithm {
            switch self {
            case .rsa: .rs256
            case .p256: .es256
            case .ed25519: .edDSA
            }
        }

        /// True when `signature` is this key's signature of `message` (the JWS signing input).
        func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
            switch self {
            case .rsa(let key):
                return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: message,
                                            padding: .insecurePKCS1v1_5)
            case .p256(let raw):
                // JWS writes r ‖ s, 32 bytes each (RFC 7518 §3.4), never DER.
                guard signature.count == 64, let key = try? P256.Signing.PublicKey(rawRepresentation: raw),
                      let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
                return key.isValidSignature(parsed, for: message)
            case .ed25519(let raw):
                guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
                return key.isValidSignature(signature, for: message)
            }
        }
    }
}
