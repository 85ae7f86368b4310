/// Reads recipient identities: OB 2.0 / 1.x IdentityObjects, OB 0.5 recipient strings (with a
/// top-level `salt`), and OB 3.0 `identifier` IdentityObjects.
enum RecipientReader {
    /// An OB 0.5 string or an OB 1.0+ IdentityObject in `value`.
    static func read(_ value: JSONValue?, legacySalt: JSONValue?, path: String) throws(InvalidReason) -> RecipientIdentity {
        switch value {
        case nil, .null?:
            throw Field.missing(path, "an award must say who earned it")
        case .string(let text)?:
            // OB 0.5: an e-mail address, or a hash of one; the validator calls it hashed when it has no '@'.
            let hashed = !text.utf8.contains(UInt8(ascii: "@"))
            return try make(type: "email", identity: text, hashed: hashed, salt: Field.string(legacySalt), path: path)
        case .object(let object)?:
            guard let identity = Field.string(object["identity"]) else {
                throw Field.missing(Field.path(path, "identity"), "the recipient must give an identity (an e-mail address or its hash)")
            }
            let type = Field.string(object["type"]) ?? "email"
            let hashed = Field.bool(object["hashed"]) ?? looksHashed(identity)
            return try make(type: type, identity: identity, hashed: hashed, salt: Field.string(object["salt"]), path: path)
        default:
            throw Field.malformed(path, "must be an identity object or a string")
        }
    }

    /// OB 3.0 `credentialSubject.identifier` entries (single or array).
    static func identifiers(_ value: JSONValue?, path: String) throws(InvalidReason) -> [RecipientIdentity] {
        guard let value else { return [] }
        var identities: [RecipientIdentity] = []
        for entry in value.asList {
            guard case .object(let object) = entry, let identity = Field.string(object["identityHash"]) else { continue }
            let declared = Field.string(object["identityType"]) ?? "emailAddress"
            let type = declared == "emailAddress" ? "email" : declared
            let hashed = Field.bool(object["hashed"]) ?? looksHashed(identity)
            identities.append(try make(type: type, identity: identity, hashed: hashed,
                                       salt: Field.string(object["salt"]), path: path))
        }
        return identities
    }

    /// An OB 3.0 subject id as an identity: `mailto:` addresses are e-mail, anything else an `id`.
    static func subjectID(_ id: String) -> RecipientIdentity {
        if Text.hasPrefixIgnoringCase(id, "mailto:") {
            return RecipientIdentity(type: "email", identity: String(id.dropFirst(7)), hashed: false, salt: nil)
        }
        return RecipientIdentity(type: "id", identity: id, hashed: false, salt: nil)
    }

    private static func looksHashed(_ identity: String) -> Bool {
        guard let parts = Text.split(identity, atFirst: UInt8(ascii: "$")) else { return false }
        return HashAlgorithm(rawValue: Text.lowercasedASCII(parts.before)) != nil && Hex.isHex(parts.after)
    }

    private static func make(type: String, identity: String, hashed: Bool, salt: String?,
                             path: String) throws(InvalidReason) -> RecipientIdentity {
        guard hashed else {
            return RecipientIdentity(type: type, identity: identity, hashed: false, salt: salt)
        }
        guard let parts = Text.split(identity, atFirst: UInt8(ascii: "$")) else {
            throw InvalidReason(code: InvalidReason.Code.badRecipient,
                                message: "The hashed recipient identity in '\(path)' is not written 'sha256$hex' or 'md5$hex'.")
        }
        let name = Text.lowercasedASCII(parts.before)
        let hex = parts.after
        guard let algorithm = HashAlgorithm(rawValue: name) else {
            throw InvalidReason(code: InvalidReason.Code.badRecipient,
                                message: "The recipient in '\(path)' is hashed with '\(name)'; only sha256 and md5 can be matched.")
        }
        guard hex.utf8.count == algorithm.hexLength, Hex.isHex(hex) else {
            throw InvalidReason(code: InvalidReason.Code.badRecipient,
                                message: "The recipient hash in '\(path)' is malformed: '\(name)$' must be followed by \(algorithm.hexLength) hex digits, not \(hex.utf8.count) characters.")
        }
        return RecipientIdentity(type: type, identity: "\(name)$\(Text.lowercasedASCII(hex))", hashed: true, salt: salt)
    }
}
