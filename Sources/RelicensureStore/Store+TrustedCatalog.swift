import OpenBadges
import Postgres

/// The catalog documents that may vouch for an upload (SPEC §4.4): issuer profiles, key
/// documents and BadgeClass owners from the inbox or fetched from issuers — never from uploads.
public struct TrustedCatalog: Sendable {
    /// Issuer profiles, as JSON text.
    public var issuerDocuments: [String] = []
    /// CryptographicKey / JWK documents, as JSON text.
    public var keyDocuments: [String] = []
    /// BadgeClass / Achievement id → issuer id.
    public var badgeIssuers: [String: String] = [:]

    public init() {}

    /// Which issuer an award belongs to, by `AwardOwner`'s rule over `badgeIssuers`.
    public func issuerID(named: String?, badgeID: String?) -> String? {
        AwardOwner.issuerID(named: named, badgeID: badgeID) { badgeIssuers[$0] }
    }
}

extension Store {
    /// Every trusted issuer profile, key document and BadgeClass owner; where the inbox and a
    /// fetch both hold a document, the inbox copy wins.
    public func trustedCatalog() throws -> TrustedCatalog {
        var catalog = TrustedCatalog()
        for row in try connection.query("""
            SELECT DISTINCT ON (kind, document_id) kind, document_id, issuer_id, document::text AS document
            FROM catalog_documents
            WHERE source <> 'uploads' AND kind IN ('issuer', 'key')
            ORDER BY kind, document_id, (source = 'inbox') DESC
            """) {
            if try row.string("kind") == "issuer" {
                catalog.issuerDocuments.append(try row.string("document"))
            } else {
                catalog.keyDocuments.append(try row.string("document"))
            }
        }
        for row in try connection.query("SELECT document_id, issuer_id FROM trusted_badge_classes WHERE issuer_id IS NOT NULL") {
            catalog.badgeIssuers[try row.string("document_id")] = try row.string("issuer_id")
        }
        return catalog
    }
}
