import Crypto
import Foundation
import _CryptoExtras
public import OpenBadges

/// Turns the key forms SPEC §3 and §4.4 name into `IssuerKey`s: a PEM holding one public key
/// (SubjectPublicKeyInfo, or PKCS#1 for RSA), a JWK, a JWK Set, an OB 2.0 CryptographicKey.
public enum IssuerKeyDecoder {
    /// Every key in a key file: a PEM with one key, a JWK, or a JWK Set (`{"keys": [...]}`).
    /// A JWK Set may carry keys of other kinds (encryption keys, other curves): they are left
    /// out, but a file without any usable key is an error.
    public static func keys(inFile bytes: [UInt8], origin: String) throws(KeyDecodingError) -> [IssuerKey] {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("-----BEGIN") { return [try key(pem: text, id: nil, origin: origin)] }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            throw KeyDecodingError("\(origin) is neither a PEM public key nor JSON (\(error.message))")
        }
        guard let set = json["keys"]?.arrayValue else { return [try key(jwk: json, id: nil, origin: origin)] }
        let keys = set.compactMap { try? key(jwk: $0, id: nil, origin: origin) }
        guard !keys.isEmpty else {
            throw KeyDecodingError("\(origin) is a JWK Set without any RSA, P-256 or Ed25519 signing key")
        }
        return keys
    }

    /// The key of an OB 2.0 CryptographicKey (`publicKeyPem`) or a JWK document (`publicKeyJwk`).
    public static func key(_ document: CryptographicKey, origin: String) throws(KeyDecodingError) -> IssuerKey {
        if let pem = document.publicKeyPem { return try key(pem: pem, id: document.id, origin: origin) }
        if let jwk = document.jwk { return try key(jwk: jwk, id: document.id, origin: origin) }
        throw KeyDecodingError("the key \(document.id ?? "without an id") in \(origin) has neither publicKeyPem nor publicKeyJwk")
    }

    /// A PEM text holding exactly one public key.
    public static func key(pem: String, id: String?, origin: String) throws(KeyDecodingError) -> IssuerKey {
        let blocks = pem.components(separatedBy: "-----BEGIN ").dropFirst()
        guard blocks.count == 1, let block = blocks.first else {
            throw KeyDecodingError("\(origin) holds \(blocks.count) PEM blocks; a PEM key must hold exactly one public key")
        }
        guard let labelEnd = block.range(of: "-----"), let end = block.range(of: "-----END ") else {
            throw KeyDecodingError("\(origin) has a PEM block without its BEGIN or END line")
        }
        let label = String(block[..<labelEnd.lowerBound])
        let body = block[labelEnd.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: String(body)).map({ [UInt8]($0) }) else {
            throw KeyDecodingError("\(origin): the PEM body is not base64")
        }
        switch label {
        case "PUBLIC KEY":
            return IssuerKey(id: id, origin: origin, material: try material(subjectPublicKeyInfo: der, origin: origin))
        case "RSA PUBLIC KEY":
            return IssuerKey(id: id, origin: origin, material: try rsa(der: der, origin: origin))
        default:
            throw KeyDecodingError("\(origin) holds a PEM '\(label)'; a public key is 'PUBLIC KEY' (or 'RSA PUBLIC KEY')")
        }
    }

    /// A JSON Web Key (RFC 7517): `kty` RSA, EC with `crv` P-256, or OKP with `crv` Ed25519.
    /// Its `kid` is its id unless `id` is given (a CryptographicKey's own id wins).
    public static func key(jwk: JSONValue, id: String?, origin: String) throws(KeyDecodingError) -> IssuerKey {
        guard jwk.objectValue != nil else { throw KeyDecodingError("\(origin) is not a JSON Web Key object") }
        let keyID = id ?? jwk["kid"]?.stringValue
        func member(_ name: String) throws(KeyDecodingError) -> [UInt8] {
            guard let text = jwk[name]?.stringValue, let bytes = Base64URL.decode(text.utf8), !bytes.isEmpty else {
                throw KeyDecodingError("\(origin): the JWK's '\(name)' is missing or not base64url")
            }
            return bytes
        }
        let kty = jwk["kty"]?.stringValue ?? ""
        let curve = jwk["crv"]?.stringValue ?? ""
        switch (kty, curve) {
        case ("RSA", _):
            let key: _RSA.Signing.PublicKey
            do {
                key = try _RSA.Signing.PublicKey(n: try member("n"), e: try member("e"))
            } catch let error as KeyDecodingError {
                throw error
            } catch {
                throw KeyDecodingError("\(origin): the JWK's n and e are not an RSA public key")
            }
            return IssuerKey(id: keyID, origin: origin, material: try checkedSize(key, origin: origin))
        case ("EC", "P-256"):
            let point = try member("x") + member("y")
            guard point.count == 64, (try? P256.Signing.PublicKey(rawRepresentation: point)) != nil else {
                throw KeyDecodingError("\(origin): the JWK's x and y are not a point on P-256")
            }
            return IssuerKey(id: keyID, origin: origin, material: .p256(point))
        case ("OKP", "Ed25519"):
            let raw = try member("x")
            guard raw.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
                throw KeyDecodingError("\(origin): the JWK's x is not an Ed25519 public key")
            }
            return IssuerKey(id: keyID, origin: origin, material: .ed25519(raw))
        default:
            throw KeyDecodingError("\(origin): a JWK of kty '\(kty)'\(curve.isEmpty ? "" : " and crv '\(curve)'") cannot verify RS256, ES256 or EdDSA")
        }
    }

    private static func material(subjectPublicKeyInfo der: [UInt8], origin: String) throws(KeyDecodingError) -> IssuerKey.Material {
        guard let info = DER.subjectPublicKeyInfo(der) else {
            throw KeyDecodingError("\(origin): the PEM public key is not a SubjectPublicKeyInfo")
        }
        switch info.algorithm {
        case DER.rsaEncryption:
            return try rsa(der: der, origin: origin)
        case DER.ecPublicKey where info.parameters == DER.prime256v1:
            guard let key = try? P256.Signing.PublicKey(derRepresentation: der) else {
                throw KeyDecodingError("\(origin): the PEM P-256 key is not a point on the curve")
            }
            return .p256([UInt8](key.rawRepresentation))
        case DER.ed25519:
            guard info.key.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: info.key)) != nil else {
                throw KeyDecodingError("\(origin): the PEM Ed25519 key is not 32 bytes")
            }
            return .ed25519(info.key)
        default:
            throw KeyDecodingError("\(origin): the PEM key is neither RSA, P-256 nor Ed25519")
        }
    }

    private static func rsa(der: [UInt8], origin: String) throws(KeyDecodingError) -> IssuerKey.Material {
        // The "unsafe" initialiser accepts 1024 bits and up; SPEC §4.4 accepts them (and logs under 2048).
        guard let key = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: der) else {
            throw KeyDecodingError("\(origin): the PEM RSA key cannot be read, or is under 1024 bits")
        }
        return try checkedSize(key, origin: origin)
    }

    private static func checkedSize(_ key: _RSA.Signing.PublicKey, origin: String) throws(KeyDecodingError) -> IssuerKey.Material {
        guard key.keySizeInBits >= 1024 else {
            throw KeyDecodingError("\(origin): the RSA key has \(key.keySizeInBits) bits; at least 1024 are required")
        }
        return .rsa(key)
    }
}
