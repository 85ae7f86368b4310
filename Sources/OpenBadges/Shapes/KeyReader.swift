/// Reads public key documents: OB 2.0 CryptographicKey, keys with `publicKeyJwk`, bare JWKs.
enum KeyReader {
    static func read(_ object: JSONObject) -> CryptographicKey {
        CryptographicKey(id: Field.id(object["id"]) ?? Field.string(object["kid"]),
                         owner: Field.id(object["owner"]) ?? Field.id(object["controller"]),
                         publicKeyPem: Field.string(object["publicKeyPem"]),
                         jwk: object["publicKeyJwk"] ?? (object["kty"] != nil ? .object(object) : nil))
    }
}
