/// Which issuer an award belongs to (SPEC §4.4): the one it names itself, else the one a trusted
/// copy of its BadgeClass names. Written once here, in the module every reader of awards shares:
/// the night's catalog readers (`CatalogIndex`, `TrustedCatalog`) and a signed upload's
/// (`AwardIssuer`) ask it. The SQL twin is `award_issuer` (sql/012_rules.sql); RuleTwinTests
/// holds the two together.
public enum AwardOwner {
    /// `trustedOwner` answers a BadgeClass / Achievement id with the issuer a trusted copy of it
    /// names; a BadgeClass known only from uploads names no one, so it must answer `nil` there.
    public static func issuerID(named: String?, badgeID: String?, trustedOwner: (String) -> String?) -> String? {
        named ?? badgeID.flatMap(trustedOwner)
    }
}
