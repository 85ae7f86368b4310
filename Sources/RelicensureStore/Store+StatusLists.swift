import Postgres

/// An award that names status list entries (OB 3.0 `credentialStatus`), for SPEC §5 step 3.
public struct AwardStatus: Sendable {
    public var awardID: String
    public var issuerID: String?
    /// The `credentialStatus` value as JSON text: one entry or an array of them.
    public var credentialStatus: String
}

extension Store {
    /// Every award not already revoked whose document names a `credentialStatus`.
    public func awardsWithCredentialStatus() throws -> [AwardStatus] {
        try connection.query("""
            SELECT a.award_id, a.issuer_id, (a.document->'credentialStatus')::text AS status
            FROM awards a LEFT JOIN award_outcomes o USING (award_id)
            WHERE a.document ? 'credentialStatus' AND o.outcome IS DISTINCT FROM 'revoked'
            """).map { row in
                AwardStatus(awardID: try row.string("award_id"), issuerID: row["issuer_id"],
                            credentialStatus: try row.string("status"))
            }
    }

    /// Status list credentials from trusted sources, as JSON text; never one from uploads.
    public func trustedStatusLists() throws -> [String] {
        try connection.query("""
            SELECT DISTINCT ON (document_id) document::text AS document FROM catalog_documents
            WHERE kind = 'status_list' AND source <> 'uploads'
            ORDER BY document_id, (source = 'inbox') DESC
            """).map { try $0.string("document") }
    }
}
