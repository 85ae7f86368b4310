/// Reads OB 2.0, 1.1, 1.0 and 0.5 assertions, legacy ones as the 1EdTech validator upgrades
/// them: 0.5 `recipient` strings with a top-level `salt`, `issued_on`; 1.0 `verify` and `uid`.
enum AssertionReader {
    static func read(_ object: JSONObject, document: JSONValue, version: SpecVersion,
                     source: DocumentSource) throws(InvalidReason) -> Assertion {
        if object["recipient"] == nil, object["identity"] != nil {
            throw InvalidReason(code: InvalidReason.Code.missingField("recipient"),
                                message: "The document has no 'recipient': it has a pre-1.0 'identity' object instead, a draft shape no validator accepts; ask the issuer for an Open Badges 1.0 or later assertion.")
        }
        let recipient = try RecipientReader.read(object["recipient"], legacySalt: object["salt"], path: "recipient")
        let badge = try BadgeClassReader.reference(object["badge"], path: "badge")
        let usesLegacyDate = object["issuedOn"] == nil && (object["issued_on"] != nil || version == .v0_5)
        let dateKey = usesLegacyDate ? "issued_on" : "issuedOn"
        guard let dateValue = object[dateKey], !dateValue.isNull else {
            throw Field.missing(dateKey, "an award must say when it was issued")
        }
        let awardedAt = try date(dateValue, field: dateKey)
        var expires: AwardInstant?
        if let value = object["expires"], !value.isNull { expires = try date(value, field: "expires") }
        let verification = hint(object["verification"] ?? object["verify"], version: version, signed: source.token != nil)
        let awardID: String
        if let id = Field.string(object["id"]) {
            awardID = id
        } else if version == .v1_0, verification.kind == .hosted, let url = verification.url {
            awardID = url
        } else {
            awardID = "sha256:" + source.sha256
        }
        let uid: String? = switch object["uid"] {
        case .string(let text)?: text
        case .number(_, let text)?: text
        default: nil
        }
        return Assertion(awardID: awardID, specVersion: version, recipient: recipient, badge: badge,
                         awardedAt: awardedAt, expires: expires, revoked: Field.bool(object["revoked"]) ?? false,
                         revocationReason: Field.string(object["revocationReason"]), verification: verification,
                         legacyUID: uid, signedToken: source.token?.compact, tokenHeader: source.token?.header,
                         tokenClaims: source.token?.payload, document: document)
    }

    /// A date property, or `bad_date` naming it.
    static func date(_ value: JSONValue, field: String) throws(InvalidReason) -> AwardInstant {
        guard let instant = AwardInstant.parse(value) else {
            let shown = value.stringValue.map { "\"\($0)\"" } ?? value.serialized()
            throw InvalidReason(code: InvalidReason.Code.badDate,
                                message: "The '\(field)' value \(shown) is not a date: write an ISO 8601 date-time (2016-12-31T23:59:59Z), a day (YYYY-MM-DD) or Unix seconds.")
        }
        return instant
    }

    /// `verification` (or the OB 1.0 alias `verify`): type aliases `hosted`/`HostedBadge`, `signed`/`SignedBadge`.
    private static func hint(_ value: JSONValue?, version: SpecVersion, signed: Bool) -> VerificationHint {
        let type = Field.string(value?["type"]).map(Text.lowercasedASCII)
        var kind: VerificationHint.Kind
        switch type {
        case "hosted"?, "hostedbadge"?: kind = .hosted
        case "signed"?, "signedbadge"?: kind = .signed
        default: kind = version == .v0_5 ? .hosted : .none
        }
        if signed { kind = .signed }
        return VerificationHint(kind: kind, url: Field.string(value?["url"]), creator: Field.id(value?["creator"]),
                                allowedOrigins: Field.strings(value?["allowedOrigins"]),
                                startsWith: Field.strings(value?["startsWith"]))
    }
}
