import Foundation
public import OpenBadges
import Postgres

/// One copy of an award from uploads that is not proven yet (SPEC §4.4).
public struct UploadCopy: Sendable {
    public var awardID: String
    /// The content hash of the copy: which of the award's copies it is.
    public var sourceSHA256: String
    /// The compact JWS it came in; `nil` for a copy that is not signed.
    public var signedToken: String?
    /// True for the copy the award's row holds now.
    public var isCurrent: Bool
    /// The issuer and BadgeClass the copy names (claims, not proof).
    public var issuerID: String?
    public var badgeID: String?
}

/// What the night's verification found for one upload: the outcome to record on the award
/// (verified by signature or hosted, or unverified with the reason), the copy that proved it when that is not
/// the current one, and the issuer whose key proved it.
public struct UploadVerdict: Sendable {
    public var awardID: String
    public var verification: VerificationOutcome
    /// The copy to make the award's row: set when a copy other than the current one verified.
    public var promotedCopy: String?
    public var issuerID: String?
    /// The verified copy itself says `revoked: true`: its issuer signed that (SPEC §5 step 3).
    public var revoked: Bool

    public init(awardID: String, verification: VerificationOutcome, promotedCopy: String? = nil, issuerID: String? = nil,
                revoked: Bool = false) {
        self.awardID = awardID
        self.verification = verification
        self.promotedCopy = promotedCopy
        self.issuerID = issuerID
        self.revoked = revoked
    }
}

extension Store {
    /// The columns a copy carries into the award's row when it is promoted. `revoked`,
    /// `verification` and the first-seen marks stay the award's own.
    private static let copiedColumns = [
        "source_sha256", "source_path", "source_line", "spec_version", "badge_id", "badge_name", "issuer_id",
        "issuer_name", "recipient_type", "recipient_identity", "recipient_hashed", "recipient_salt", "awarded_at",
        "award_date", "expires_at", "revocation_reason", "credits_earned", "invalid_detail", "document", "signed_token",
    ]

    /// Keeps every readable upload staged tonight as a copy of its award, so that a copy that
    /// verifies can replace an unverified one on any later night (called while merging).
    func keepUploadCopies() throws {
        let columns = "award_id, source, verification, revoked, first_run_id, first_seen_on, "
            + Self.copiedColumns.joined(separator: ", ")
        try connection.query("""
            INSERT INTO upload_copies (\(unescaped: columns))
            SELECT \(unescaped: columns) FROM staged_awards
            WHERE source = 'uploads' AND invalid_detail IS NULL
            ON CONFLICT (award_id, source_sha256) DO NOTHING
            """)
    }

    /// The copies of every upload still to be proven — held from uploads, readable, not
    /// verified, not final — the current copy of each award first, then the others as they came.
    public func uploadCopiesToVerify() throws -> [UploadCopy] {
        try connection.query("""
            SELECT c.award_id, c.source_sha256, c.signed_token, (c.source_sha256 = a.source_sha256) AS is_current,
                   c.issuer_id, c.badge_id
            FROM awards a JOIN upload_copies c USING (award_id) LEFT JOIN award_outcomes o USING (award_id)
            WHERE a.source = 'uploads' AND a.invalid_detail IS NULL AND NOT verification_is_verified(a.verification)
              AND (o.outcome IS NULL OR NOT outcome_is_final(o.outcome))
            ORDER BY c.award_id, is_current DESC, c.first_run_id, c.source_sha256
            """).map { row in
                UploadCopy(awardID: try row.string("award_id"), sourceSHA256: try row.string("source_sha256"),
                           signedToken: row["signed_token"], isCurrent: try row.bool("is_current"),
                           issuerID: row["issuer_id"], badgeID: row["badge_id"])
            }
    }

    /// Records tonight's verdicts: a copy that verified becomes the award's row, every award
    /// gets its outcome, and a verified award learns its issuer (so that the issuer's revocation
    /// list applies to it the same night) and whether its signed document says it is revoked.
    /// A `verified-hosted` award is marked as confirmed by its issuer's host on `day`.
    public func record(_ verdicts: [UploadVerdict], on day: CalendarDate) throws {
        guard !verdicts.isEmpty else { return }
        try connection.execute(script: """
            CREATE TEMP TABLE tonight_verdicts (award_id text, verification text, promoted_copy text, issuer_id text,
                                                revoked boolean)
            ON COMMIT DROP
            """)
        try connection.copyIn("COPY tonight_verdicts (award_id, verification, promoted_copy, issuer_id, revoked) FROM STDIN",
                              rows: verdicts.lazy.map { [$0.awardID, $0.verification.recorded, $0.promotedCopy, $0.issuerID,
                                                         $0.revoked ? "t" : "f"] })
        let assignments = Self.copiedColumns.map { "\($0) = c.\($0)" }.joined(separator: ", ")
        try connection.query("""
            UPDATE awards a SET \(unescaped: assignments)
            FROM tonight_verdicts t JOIN upload_copies c ON c.award_id = t.award_id AND c.source_sha256 = t.promoted_copy
            WHERE a.award_id = t.award_id AND a.source = 'uploads'
            """)
        try connection.query("""
            UPDATE awards a SET verification = t.verification, issuer_id = coalesce(a.issuer_id, t.issuer_id),
                                revoked = a.revoked OR t.revoked,
                                verified_on = CASE WHEN t.verification = \(VerificationOutcome.verifiedHosted.recorded) THEN \(day.description)::date
                                                   ELSE a.verified_on END
            FROM tonight_verdicts t
            WHERE a.award_id = t.award_id AND a.source = 'uploads'
            """)
        // A verdict can change what the award's evaluation reads.
        try connection.query("INSERT INTO tonight_delivered SELECT award_id FROM tonight_verdicts ON CONFLICT DO NOTHING")
        try connection.query("DROP TABLE tonight_verdicts")
    }
}
