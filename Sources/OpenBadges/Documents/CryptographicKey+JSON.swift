extension CryptographicKey {
    /// The key as a CryptographicKey document, to be kept in the catalog and read back with
    /// `BadgeReader` (its PEM or JWK, id and owner; nothing else of the original is needed).
    public var json: JSONValue {
        var object = JSONObject(["type": .string("CryptographicKey")])
        if let id { object["id"] = .string(id) }
        if let owner { object["owner"] = .string(owner) }
        if let publicKeyPem { object["publicKeyPem"] = .string(publicKeyPem) }
        if let jwk { object["publicKeyJwk"] = jwk }
        return .object(object)
    }
}
