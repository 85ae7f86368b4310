/// Reads what an award is for: OB 2.0 / 1.x BadgeClasses, OB 0.5 embedded badges and OB 3.0
/// Achievements.
enum BadgeClassReader {
    /// A BadgeClass named by id (string, or object without a name) or written out in full.
    static func reference(_ value: JSONValue?, path: String) throws(InvalidReason) -> Reference<BadgeClass> {
        switch value {
        case nil, .null?:
            throw Field.missing(path, "an award must name its BadgeClass")
        case .string(let id)? where !id.isEmpty:
            return .id(id)
        case .object(let object)?:
            if object["name"] == nil, let id = Field.id(value) { return .id(id) }
            return .embedded(try read(object, document: .object(object), path: path))
        default:
            throw Field.malformed(path, "must be a BadgeClass id or a BadgeClass")
        }
    }

    /// A BadgeClass document (embedded or standalone).
    static func read(_ object: JSONObject, document: JSONValue, path: String) throws(InvalidReason) -> BadgeClass {
        guard let name = Field.string(object["name"]) else {
            throw Field.missing(Field.path(path, "name"), "a BadgeClass must have a name")
        }
        return BadgeClass(id: Field.id(object["id"]), name: name,
                          issuer: try IssuerReader.reference(object["issuer"], path: Field.path(path, "issuer")),
                          creditsAvailable: Field.number(object["creditsAvailable"]), document: document)
    }

    /// An OB 3.0 Achievement inside a credential: its issuer is the credential's issuer.
    static func achievementReference(_ value: JSONValue?, issuer: Reference<IssuerProfile>,
                                     path: String) throws(InvalidReason) -> Reference<BadgeClass> {
        switch value {
        case nil, .null?:
            throw Field.missing(path, "an Open Badges 3.0 credential must say which achievement it awards")
        case .string(let id)? where !id.isEmpty:
            return .id(id)
        case .object(let object)?:
            if object["name"] == nil, let id = Field.id(value) { return .id(id) }
            guard let name = Field.string(object["name"]) else {
                throw Field.missing(Field.path(path, "name"), "an achievement must have a name")
            }
            return .embedded(BadgeClass(id: Field.id(object["id"]), name: name, issuer: issuer,
                                        creditsAvailable: Field.number(object["creditsAvailable"]), document: .object(object)))
        default:
            throw Field.malformed(path, "must be an achievement id or an Achievement")
        }
    }

    /// A standalone OB 3.0 Achievement document: its `creator` is its issuer.
    static func achievement(_ object: JSONObject, document: JSONValue) throws(InvalidReason) -> BadgeClass {
        guard let name = Field.string(object["name"]) else {
            throw Field.missing("name", "an achievement must have a name")
        }
        guard object["creator"] != nil else {
            throw Field.missing("creator", "a standalone Achievement must name its creator (the issuer)")
        }
        return BadgeClass(id: Field.id(object["id"]), name: name,
                          issuer: try IssuerReader.reference(object["creator"], path: "creator"),
                          creditsAvailable: Field.number(object["creditsAvailable"]), document: document)
    }
}
