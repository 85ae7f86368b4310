/// Decides what a parsed JSON document is and reads it as that (SPEC §4.3 `.json`).
enum DocumentReader {
    static func read(_ json: JSONValue, source: DocumentSource) -> ReadContent {
        do {
            return try classify(json, source: source)
        } catch {
            return .invalid(error)
        }
    }

    private static func classify(_ json: JSONValue, source: DocumentSource) throws(InvalidReason) -> ReadContent {
        guard case .object(let object) = json else {
            let what = json.arrayValue != nil ? "a JSON array; write one document per file, or one per line in a .jsonl file"
                                               : "a single JSON value, not an object"
            throw unsupported("The document is \(what).")
        }
        let context = JSONLDContext(object["@context"])
        if case .unknown(let name) = context {
            throw InvalidReason(code: InvalidReason.Code.unknownContext,
                                message: "The document's @context \(name) is not an Open Badges or Verifiable Credentials context; ask the issuer for a standard badge.")
        }
        let types = Field.types(object["type"])

        if types.contains("VerifiableCredential") {
            if types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") {
                return .assertion(try CredentialReader.read(object, document: json, source: source))
            }
            if types.contains("EndorsementCredential") {
                throw unsupported("The document is an EndorsementCredential (an opinion about another credential), not an award.")
            }
            if types.contains("BitstringStatusListCredential") || types.contains("StatusList2021Credential") {
                return .statusList(try StatusListReader.read(object, document: json))
            }
            throw unsupported("The credential's type \(sorted(types)) is not OpenBadgeCredential or AchievementCredential.")
        }
        if object["revoked"]?.boolValue == true, object["recipient"] == nil, object["badge"] == nil {
            guard let id = Field.string(object["id"]) else {
                throw Field.missing("id", "a revocation notice must name the award it revokes")
            }
            return .revocationNotice(awardID: id)
        }
        let looksLikeAward = object["recipient"] != nil || object["badge"] != nil || object["uid"] != nil
        if types.contains("Assertion") || (types.isEmpty && looksLikeAward) {
            return .assertion(try AssertionReader.read(object, document: json, version: version(of: object, context: context),
                                                       source: source))
        }
        if types.contains("BadgeClass") {
            return .badgeClass(try BadgeClassReader.read(object, document: json, path: ""))
        }
        if types.contains("Achievement") {
            return .badgeClass(try BadgeClassReader.achievement(object, document: json))
        }
        if types.contains("Issuer") || types.contains("Profile") {
            return .issuer(try IssuerReader.read(object, document: json, path: ""))
        }
        if types.contains("RevocationList") {
            return .revocationList(RevocationListReader.read(object))
        }
        if types.contains("CryptographicKey") {
            return .cryptographicKey(KeyReader.read(object))
        }
        if types.contains("Endorsement") {
            throw unsupported("The document is an Endorsement (an opinion about another document), not an award.")
        }
        if !types.isEmpty {
            throw unsupported("The document's type \(sorted(types)) is not one this product reads (Assertion, BadgeClass, Issuer, Profile, RevocationList, CryptographicKey, OpenBadgeCredential, AchievementCredential, Achievement).")
        }
        // Untyped legacy documents, recognised the way the 1EdTech validator does.
        if object["revokedAssertions"] != nil || object["revokedCredentials"] != nil || object["revokedCredential"] != nil {
            return .revocationList(RevocationListReader.read(object))
        }
        if object["publicKeyPem"] != nil || object["kty"] != nil { return .cryptographicKey(KeyReader.read(object)) }
        if object["criteria"] != nil { return .badgeClass(try BadgeClassReader.read(object, document: json, path: "")) }
        if object["url"] != nil || object["origin"] != nil {
            return .issuer(try IssuerReader.read(object, document: json, path: ""))
        }
        throw unsupported("The document is not an Open Badges award or catalog document: it has no 'type' and no 'recipient'.")
    }

    /// The version of an assertion: from its @context, else from the legacy shape it has.
    private static func version(of object: JSONObject, context: JSONLDContext) -> SpecVersion {
        switch context {
        case .openBadgesV2: return .v2_0
        case .openBadgesV1: return .v1_1
        case .verifiableCredentials: return .v2_0
        case .absent, .unknown:
            if object["recipient"]?.stringValue != nil || object["issued_on"] != nil || object["salt"] != nil
                || object["badge"]?["version"]?.stringValue?.hasPrefix("0.5") == true {
                return .v0_5
            }
            if object["type"] != nil || object["verification"] != nil { return .v2_0 }
            return .v1_0
        }
    }

    private static func unsupported(_ message: String) -> InvalidReason {
        InvalidReason(code: InvalidReason.Code.unsupportedFormat, message: message)
    }

    private static func sorted(_ types: [String]) -> String {
        types.sorted().joined(separator: ", ")
    }
}
