import Crypto
import Foundation
import _CryptoExtras
public import OpenBadges
import SwiftASN1

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
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: rewrapped(pem))
        } catch {
            // swift-asn1's errors name its own source lines; the sentence says what the issuer must fix.
            throw KeyDecodingError("\(origin) does not hold exactly one PEM block: a BEGIN line, base64, and its END line")
        }
        switch document.discriminator {
        case "PUBLIC KEY":
            return IssuerKey(id: id, origin: origin, material: try material(subjectPublicKeyInfo: document.derBytes, origin: origin))
        case "RSA PUBLIC KEY":
            return IssuerKey(id: id, origin: origin, material: try rsa(der: document.derBytes, origin: origin))
        default:
            throw KeyDecodingError("\(origin) holds a PEM '\(document.discriminator)'; a public key is 'PUBLIC KEY' (or 'RSA PUBLIC KEY')")
        }
    }

    /// `pem` with the base64 of each block in lines of 64 characters. `PEMDocument` holds
    /// RFC 7468's strict layout, but issuers' keys arrive wrapped at 76 (MIME), on one line, or
    /// with blanks (a `publicKeyPem` in JSON), and such keys have always been accepted: only the
    /// layout is redone here; boundaries, labels and base64 are left for `PEMDocument` to judge.
    static func rewrapped(_ pem: String) -> String {
        var rest = pem[...]
        var result = ""
        while let begin = rest.range(of: "-----BEGIN "),
              let labelEnd = rest[begin.upperBound...].range(of: "-----"),
              let end = rest[labelEnd.upperBound...].range(of: "-----END ") {
            result += rest[begin.lowerBound..<labelEnd.upperBound] + "\n"
            var body = rest[labelEnd.upperBound..<end.lowerBound].filter { !$0.isWhitespace }[...]
            while !body.isEmpty {
                result += body.prefix(64) + "\n"
                body = body.dropFirst(64)
            }
            rest = rest[end.lowerBound...]
        }
        return result + rest
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
        let info: SubjectPublicKeyInfo
        do {
            info = try SubjectPublicKeyInfo(derEncoded: der)
        } catch {
            throw KeyDecodingError("\(origin): the PEM public key is not a DER SubjectPublicKeyInfo")
        }
        switch info.algorithm {
        case .AlgorithmIdentifier.rsaEncryption:
            return try rsa(der: der, origin: origin)
        case .AlgorithmIdentifier.idEcPublicKey where info.curve == .NamedCurves.secp256r1:
            guard let key = try? P256.Signing.PublicKey(derRepresentation: der) else {
                throw KeyDecodingError("\(origin): the PEM P-256 key is not a point on the curve")
            }
            return .p256([UInt8](key.rawRepresentation))
        case SubjectPublicKeyInfo.ed25519:
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
