/// Reads issuer profiles: OB 2.0 Issuer / Profile, OB 1.x issuer organizations, OB 0.5 embedded
/// issuers (`origin` → `url`, `contact` → `email`, `org` appended to `name`, as the 1EdTech
/// validator upgrades them) and OB 3.0 Profiles.
enum IssuerReader {
    /// An issuer named by id (string, or object without a name) or written out in full.
    static func reference(_ value: JSONValue?, path: String) throws(InvalidReason) -> Reference<IssuerProfile> {
        switch value {
        case nil, .null?:
            throw Field.missing(path, "a badge must name its issuer")
        case .string(let id)? where !id.isEmpty:
            return .id(id)
        case .object(let object)?:
            if object["name"] == nil, let id = Field.id(value) { return .id(id) }
            return .embedded(try read(object, document: .object(object), path: path))
        default:
            throw Field.malformed(path, "must be an issuer id or an issuer profile")
        }
    }

    static func read(_ object: JSONObject, document: JSONValue, path: String) throws(InvalidReason) -> IssuerProfile {
        guard var name = Field.string(object["name"]) else {
            throw Field.missing(Field.path(path, "name"), "an issuer profile must have a name")
        }
        if let organization = Field.string(object["org"]) { name = "\(name): \(organization)" }
        var keyIDs: [String] = []
        var keys: [CryptographicKey] = []
        for entry in object["publicKey"]?.asList ?? [] {
            switch entry {
            case .string(let id) where !id.isEmpty:
                keyIDs.append(id)
            case .object(let keyObject):
                if keyObject["publicKeyPem"] != nil || keyObject["publicKeyJwk"] != nil {
                    keys.append(KeyReader.read(keyObject))
                } else if let id = Field.id(entry) {
                    keyIDs.append(id)
                }
            default:
                continue
            }
        }
        let verification = object["verification"]
        return IssuerProfile(
            id: Field.id(object["id"]),
            name: name,
            url: Field.id(object["url"]) ?? Field.string(object["origin"]),
            email: Field.string(object["email"]) ?? Field.string(object["contact"]),
            revocationListID: Field.id(object["revocationList"]),
            publicKeyIDs: keyIDs,
            embeddedKeys: keys,
            allowedOrigins: Field.strings(verification?["allowedOrigins"]),
            startsWith: Field.strings(verification?["startsWith"]),
            document: document)
    }
}
