public import OpenBadges

/// Whose keys may vouch for an award: its issuer as the signed document itself says (an
/// embedded BadgeClass's issuer, an OB 3.0 credential's `issuer`), else as the trusted catalog
/// says for the BadgeClass it names. A BadgeClass known only from uploads names no one.
public enum AwardIssuer {
    /// The issuer id, or `nil` when neither the document nor a trusted BadgeClass says it.
    /// `trustedBadgeIssuers` maps BadgeClass / Achievement ids to issuer ids, from the inbox only.
    public static func id(of assertion: Assertion, trustedBadgeIssuers: [String: String]) -> String? {
        if assertion.specVersion == .v3_0 {
            // An OB 3.0 credential names its issuer itself; its Achievement's owner is not asked.
            let issuer = assertion.document["issuer"]
            return assertion.issuerID ?? issuer?.stringValue ?? issuer?["id"]?.stringValue
                ?? assertion.tokenClaims?["iss"]?.stringValue
        }
        return AwardOwner.issuerID(named: assertion.issuerID, badgeID: assertion.badge.id) { trustedBadgeIssuers[$0] }
    }
}
