/// Reads OB 3.0 OpenBadgeCredential / AchievementCredential (VC 2.0 `validFrom`, VC 1.1
/// `issuanceDate`, `awardedDate`), taking VC-JWT claims (`jti`, `iss`, `nbf`, `sub`, `exp`) where
/// the credential itself leaves a property out, as VC 1.1 JWT decoding does.
enum CredentialReader {
    static func read(_ object: JSONObject, document: JSONValue, source: DocumentSource) throws(InvalidReason) -> Assertion {
        let claims = source.token?.payload
        guard let issuerValue = object["issuer"] ?? claims?["iss"] else {
            throw Field.missing("issuer", "a credential must name its issuer")
        }
        let issuer = try IssuerReader.reference(issuerValue, path: "issuer")
        let subjects = (object["credentialSubject"]?.asList ?? []).compactMap(\.objectValue)
        guard let subject = subjects.first(where: { $0["achievement"] != nil }) ?? subjects.first else {
            throw Field.missing("credentialSubject", "a credential must say who earned it and what")
        }
        let badge = try BadgeClassReader.achievementReference(subject["achievement"], issuer: issuer,
                                                              path: "credentialSubject.achievement")
        var recipients = try RecipientReader.identifiers(subject["identifier"], path: "credentialSubject.identifier")
        if recipients.isEmpty, let id = Field.string(subject["id"]) ?? Field.string(claims?["sub"]) {
            recipients.append(RecipientReader.subjectID(id))
        }
        let recipient = recipients.first(where: { $0.type == "email" }) ?? recipients.first

        var awardedAt: AwardInstant?
        for field in ["awardedDate", "validFrom", "issuanceDate"] {
            if let value = object[field], !value.isNull {
                awardedAt = try AssertionReader.date(value, field: field)
                break
            }
        }
        if awardedAt == nil, let nbf = claims?["nbf"] { awardedAt = try AssertionReader.date(nbf, field: "nbf") }
        guard let awardedAt else {
            throw Field.missing("validFrom", "a credential must say when it was awarded (awardedDate, validFrom or issuanceDate)")
        }
        var expires: AwardInstant?
        for field in ["validUntil", "expirationDate"] {
            if let value = object[field], !value.isNull {
                expires = try AssertionReader.date(value, field: field)
                break
            }
        }
        if expires == nil, let exp = claims?["exp"] { expires = try AssertionReader.date(exp, field: "exp") }

        let kind: VerificationHint.Kind = source.token != nil ? .signed : (object["proof"] != nil ? .embeddedProof : .none)
        let awardID = Field.string(object["id"]) ?? Field.string(claims?["jti"]) ?? "sha256:" + source.sha256
        return Assertion(awardID: awardID, specVersion: .v3_0, recipient: recipient, recipients: recipients, badge: badge,
                         awardedAt: awardedAt, expires: expires, verification: VerificationHint(kind: kind),
                         creditsEarned: Field.number(subject["creditsEarned"]), signedToken: source.token?.compact,
                         tokenHeader: source.token?.header, tokenClaims: claims, document: document)
    }
}
