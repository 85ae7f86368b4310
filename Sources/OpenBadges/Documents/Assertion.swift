/// One award: an OB 2.0 Assertion (or a 0.5/1.0/1.1 assertion read as the 1EdTech validator
/// upgrades it), or an OB 3.0 OpenBadgeCredential / AchievementCredential.
public struct Assertion: Sendable {
    /// The identity key (SPEC §4.3): the assertion / credential `id` (for a VC-JWT without one, its
    /// `jti`); for an OB 1.0 hosted assertion without one, its `verify.url`; else `sha256:` and the
    /// hex SHA-256 of the document's bytes as received.
    public var awardID: String
    public var specVersion: SpecVersion
    /// Who earned it: the first e-mail identity when there is one, else the first identity.
    /// `nil` only for an OB 3.0 credential without any usable `identifier` or subject id.
    public var recipient: RecipientIdentity?
    /// Every identity the award names (OB 3.0 `credentialSubject.identifier` may list several);
    /// `recipient` is one of them.
    public var recipients: [RecipientIdentity]
    public var badge: Reference<BadgeClass>
    /// OB 2.0 `issuedOn`; OB 3.0 `awardedDate`, else `validFrom`, else `issuanceDate` (else a VC-JWT's `nbf`).
    public var awardedAt: AwardInstant
    /// OB 2.0 `expires`; OB 3.0 `validUntil` / `expirationDate` (else a VC-JWT's `exp`).
    public var expires: AwardInstant?
    /// OB 2.0 `revoked: true` on the assertion itself (status lists are checked elsewhere).
    public var revoked: Bool
    public var revocationReason: String?
    public var verification: VerificationHint
    /// OB 3.0 `credentialSubject.creditsEarned`: shown, never used for hours (SPEC §4.3).
    public var creditsEarned: Double?
    /// OB 1.0 / 1.1 `uid`, which legacy RevocationList entries name.
    public var legacyUID: String?
    /// The compact JWS / VC-JWT the award came in, exactly as received but for surrounding white space.
    public var signedToken: String?
    /// The token's decoded JOSE header (`alg`, `kid`, …).
    public var tokenHeader: JSONValue?
    /// The token's whole payload: for a VC-JWT also `iss`, `nbf`, `jti`, `sub`, `exp`; for a
    /// VC 1.1 JWT the credential is its `vc` member.
    public var tokenClaims: JSONValue?
    /// The assertion / credential JSON (for a token: the payload, or its `vc` member).
    public var document: JSONValue

    public init(awardID: String, specVersion: SpecVersion, recipient: RecipientIdentity?,
                recipients: [RecipientIdentity]? = nil, badge: Reference<BadgeClass>, awardedAt: AwardInstant,
                expires: AwardInstant? = nil, revoked: Bool = false, revocationReason: String? = nil,
                verification: VerificationHint, creditsEarned: Double? = nil, legacyUID: String? = nil,
                signedToken: String? = nil, tokenHeader: JSONValue? = nil, tokenClaims: JSONValue? = nil,
                document: JSONValue) {
        self.awardID = awardID
        self.specVersion = specVersion
        self.recipient = recipient
        self.recipients = recipients ?? (recipient.map { [$0] } ?? [])
        self.badge = badge
        self.awardedAt = awardedAt
        self.expires = expires
        self.revoked = revoked
        self.revocationReason = revocationReason
        self.verification = verification
        self.creditsEarned = creditsEarned
        self.legacyUID = legacyUID
        self.signedToken = signedToken
        self.tokenHeader = tokenHeader
        self.tokenClaims = tokenClaims
        self.document = document
    }

    /// The issuer id when the BadgeClass is embedded and names one (else resolve `badge` first).
    public var issuerID: String? {
        badge.embedded?.issuer.id
    }
}
