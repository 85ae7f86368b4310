import SwiftASN1

/// The public key of a PEM `PUBLIC KEY` (RFC 5280 §4.1.2.7):
/// `SEQUENCE { SEQUENCE { algorithm OID, parameters ANY OPTIONAL }, subjectPublicKey BIT STRING }`.
/// Read with swift-asn1, which holds the bytes to DER: one element and nothing after it, lengths
/// in their shortest form, no field left over.
struct SubjectPublicKeyInfo: DERParseable {
    /// The key's algorithm: rsaEncryption, id-ecPublicKey or id-Ed25519 are the ones used.
    let algorithm: ASN1ObjectIdentifier
    /// The parameters when they are an OID (an id-ecPublicKey's named curve); `nil` for RSA's
    /// NULL and Ed25519's absent parameters.
    let curve: ASN1ObjectIdentifier?
    /// The key bits, whole bytes only: a BIT STRING with unused bits is not a key.
    let key: [UInt8]

    init(derEncoded rootNode: ASN1Node) throws {
        self = try DER.sequence(rootNode, identifier: .sequence) { nodes in
            guard let algorithmIdentifier = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "a SubjectPublicKeyInfo without its algorithm")
            }
            let (algorithm, curve) = try DER.sequence(algorithmIdentifier, identifier: .sequence) { fields in
                let algorithm = try ASN1ObjectIdentifier(derEncoded: &fields)
                // Only a curve's OID matters here; NULL or other parameters are left for the
                // algorithm's own reader (swift-crypto for RSA and P-256) to judge.
                let curve = fields.next().flatMap { try? ASN1ObjectIdentifier(derEncoded: $0) }
                return (algorithm, curve)
            }
            let bits = try ASN1BitString(derEncoded: &nodes)
            guard bits.paddingBits == 0 else {
                throw ASN1Error.invalidASN1Object(reason: "a public key's BIT STRING has unused bits")
            }
            return SubjectPublicKeyInfo(algorithm: algorithm, curve: curve, key: Array(bits.bytes))
        }
    }

    private init(algorithm: ASN1ObjectIdentifier, curve: ASN1ObjectIdentifier?, key: [UInt8]) {
        self.algorithm = algorithm
        self.curve = curve
        self.key = key
    }

    /// id-Ed25519, 1.3.101.112 (RFC 8410 §3), which swift-asn1 does not name.
    static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
}
