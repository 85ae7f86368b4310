import Foundation
public import OpenBadges
import Postgres

extension Store {
    /// SHA-256 of every file read before: a file seen before is never read again (SPEC §4.3).
    public func seenFileHashes() throws -> Set<String> {
        var seen = Set<String>()
        for row in try connection.query("SELECT sha256 FROM source_files") { seen.insert(try row.string("sha256")) }
        return seen
    }

    /// Creates tonight's staging tables; they vanish with the transaction.
    public func beginStaging() throws {
        try connection.execute(script: """
            CREATE TEMP TABLE staged_awards (LIKE awards INCLUDING DEFAULTS, seq bigserial) ON COMMIT DROP;
            CREATE TEMP TABLE staged_catalog (LIKE catalog_documents, seq bigserial) ON COMMIT DROP;
            CREATE TEMP TABLE staged_revocations (LIKE revocations) ON COMMIT DROP;
            CREATE TEMP TABLE staged_files (LIKE source_files) ON COMMIT DROP;
            CREATE TEMP TABLE staged_file_stamps (LIKE file_stamps) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_delivered (award_id text PRIMARY KEY) ON COMMIT DROP;
            """)
    }

    /// Opens tonight's award staging: one COPY into `staged_awards` that stays open while the
    /// files are read (see ``AwardStaging``).
    public func openAwardStaging(runID: Int64, seenOn: CalendarDate) throws -> AwardStaging {
        AwardStaging(stream: try connection.openCopyIn(Self.awardCopy(into: "staged_awards"), sendingAside: true),
                     runID: runID, seenOn: seenOn)
    }

    /// Writes award rows by COPY into `upload_copies`, which has the columns of `staged_awards`.
    func copy(_ awards: [IncomingAward], into table: String, runID: Int64, seenOn: CalendarDate) throws {
        guard !awards.isEmpty else { return }
        let run = String(runID), day = seenOn.description
        try connection.copyIn(Self.awardCopy(into: table), rows: awards.lazy.map { Self.awardRow($0, run: run, day: day) })
    }

    /// The COPY of award rows into `table`, in the column order of `awardRow`.
    static func awardCopy(into table: String) -> String {
        """
        COPY \(table) (award_id, source, source_sha256, source_path, source_line, spec_version, badge_id,
            badge_name, issuer_id, issuer_name, recipient_type, recipient_identity, recipient_hashed,
            recipient_salt, awarded_at, award_date, expires_at, revoked, revocation_reason, credits_earned,
            verification, invalid_detail, document, first_run_id, first_seen_on, signed_token) FROM STDIN
        """
    }

    /// An award as a row of `awardCopy`, first read by run `run` on `day`.
    static func awardRow(_ award: IncomingAward, run: String, day: String) -> [String?] {
        [award.awardID, award.source.rawValue, award.sourceSHA256, award.sourcePath,
         award.sourceLine.map(String.init), award.specVersion, award.badgeID, award.badgeName,
         award.issuerID, award.issuerName, award.recipient?.type, award.recipient?.identity,
         award.recipient.map { $0.hashed ? "t" : "f" }, award.recipient?.salt, award.awardedAt,
         award.awardDate?.description, award.expiresAt, award.revoked ? "t" : "f", award.revocationReason,
         award.creditsEarned.map { String($0) }, award.verification.recorded, award.invalidDetail,
         award.documentJSON, run, day, award.signedToken]
    }

    public func stage(catalog: [IncomingCatalogDocument], runID: Int64) throws {
        guard !catalog.isEmpty else { return }
        let run = String(runID)
        try connection.copyIn("""
            COPY staged_catalog (kind, document_id, source, name, issuer_id, document, source_sha256, first_run_id)
            FROM STDIN
            """, rows: catalog.lazy.map { document in
                [document.kind.rawValue, document.documentID, document.source.rawValue, document.name,
                 document.issuerID, document.documentJSON, document.sourceSHA256, run]
            })
    }

    public func stage(revocations: [IncomingRevocation]) throws {
        guard !revocations.isEmpty else { return }
        try connection.copyIn("COPY staged_revocations (award_id, list_id, issuer_id, reason, source_sha256) FROM STDIN",
                              rows: revocations.lazy.map { [$0.awardID, $0.listID, $0.issuerID, $0.reason, $0.sourceSHA256] })
    }

    public func stage(files: [IncomingSourceFile], runID: Int64, seenOn: CalendarDate) throws {
        guard !files.isEmpty else { return }
        let run = String(runID), day = seenOn.description
        try connection.copyIn("COPY staged_files (sha256, path, source, size_bytes, items, first_run_id, seen_on) FROM STDIN",
                              rows: files.lazy.map { [$0.sha256, $0.path, $0.source.rawValue, String($0.sizeBytes),
                                                      String($0.items), run, day] })
    }

    /// Moves the staged rows into the tables. An award seen before keeps its first copy unless
    /// the new one is better (an inbox copy replaces an upload); a later inbox copy that says
    /// `revoked: true` revokes it (SPEC §4.3, §4.4). Returns the number of new awards.
    /// With `noteDeliveries`, the ids of tonight's awards (new, or delivered again) are kept in
    /// `tonight_delivered` for the evaluation to choose (see `chooseChangedAwards`).
    @discardableResult
    public func mergeStaged(noteDeliveries: Bool = false) throws -> Int {
        // The catalog first, so that awards naming a BadgeClass or issuer by id get their
        // names from it as they are inserted, not by a second pass over every award.
        try connection.query("""
            INSERT INTO catalog_documents (kind, document_id, source, name, issuer_id, document, source_sha256, first_run_id)
            SELECT DISTINCT ON (kind, document_id, source) kind, document_id, source, name, issuer_id, document,
                   source_sha256, first_run_id
            FROM staged_catalog ORDER BY kind, document_id, source, seq DESC
            ON CONFLICT (kind, document_id, source) DO UPDATE SET
                name = EXCLUDED.name, issuer_id = EXCLUDED.issuer_id, document = EXCLUDED.document,
                source_sha256 = EXCLUDED.source_sha256
            """)
        // `owner` is award_issuer's rule (sql/012) in the set form its comment asks of queries
        // over many awards, a join of trusted_badge_classes; written once for the award's issuer
        // and for the profile its name is read from.
        let inserted = try connection.query("""
            WITH merged AS (
            INSERT INTO awards AS a (award_id, source, source_sha256, source_path, source_line, spec_version, badge_id,
                badge_name, issuer_id, issuer_name, recipient_type, recipient_identity, recipient_hashed,
                recipient_salt, awarded_at, award_date, expires_at, revoked, revocation_reason, credits_earned,
                verification, invalid_detail, document, first_run_id, first_seen_on, signed_token)
            SELECT DISTINCT ON (s.award_id) s.award_id, s.source, s.source_sha256, s.source_path, s.source_line,
                s.spec_version, s.badge_id, coalesce(s.badge_name, badge.name),
                owner.id, coalesce(s.issuer_name, issuer.name), s.recipient_type,
                s.recipient_identity, s.recipient_hashed, s.recipient_salt, s.awarded_at, s.award_date, s.expires_at,
                s.revoked, s.revocation_reason, s.credits_earned, s.verification, s.invalid_detail, s.document,
                s.first_run_id, s.first_seen_on, s.signed_token
            FROM staged_awards s
            LEFT JOIN trusted_badge_classes badge ON badge.document_id = s.badge_id
            CROSS JOIN LATERAL (SELECT coalesce(s.issuer_id, badge.issuer_id) AS id) owner
            LEFT JOIN catalog_documents issuer
                   ON issuer.kind = 'issuer' AND issuer.source = 'inbox' AND issuer.document_id = owner.id
            ORDER BY s.award_id, (s.source = 'inbox') DESC, (s.invalid_detail IS NULL) DESC, s.seq
            ON CONFLICT (award_id) DO UPDATE SET
                source = EXCLUDED.source, source_sha256 = EXCLUDED.source_sha256, source_path = EXCLUDED.source_path,
                source_line = EXCLUDED.source_line, spec_version = EXCLUDED.spec_version, badge_id = EXCLUDED.badge_id,
                badge_name = EXCLUDED.badge_name, issuer_id = EXCLUDED.issuer_id, issuer_name = EXCLUDED.issuer_name,
                recipient_type = EXCLUDED.recipient_type, recipient_identity = EXCLUDED.recipient_identity,
                recipient_hashed = EXCLUDED.recipient_hashed, recipient_salt = EXCLUDED.recipient_salt,
                awarded_at = EXCLUDED.awarded_at, award_date = EXCLUDED.award_date, expires_at = EXCLUDED.expires_at,
                revoked = a.revoked OR EXCLUDED.revoked, credits_earned = EXCLUDED.credits_earned,
                verification = EXCLUDED.verification, invalid_detail = EXCLUDED.invalid_detail,
                document = EXCLUDED.document, signed_token = EXCLUDED.signed_token
            WHERE a.source = 'uploads' AND EXCLUDED.source = 'inbox' AND EXCLUDED.invalid_detail IS NULL
            RETURNING (xmax = 0) AS is_new
            )
            SELECT count(*) FILTER (WHERE is_new) AS new_awards FROM merged
            """)
        try connection.query("""
            UPDATE awards a SET revoked = true, revocation_reason = coalesce(s.revocation_reason, a.revocation_reason)
            FROM staged_awards s
            WHERE s.award_id = a.award_id AND s.source = 'inbox' AND s.revoked AND NOT a.revoked
            """)
        if noteDeliveries {
            try connection.query("""
                INSERT INTO tonight_delivered SELECT DISTINCT award_id FROM staged_awards ON CONFLICT DO NOTHING
                """)
        }
        try keepUploadCopies()
        try connection.query("""
            INSERT INTO revocations SELECT DISTINCT ON (award_id, list_id) * FROM staged_revocations
            ON CONFLICT (award_id, list_id) DO NOTHING
            """)
        try connection.query("INSERT INTO source_files SELECT * FROM staged_files ON CONFLICT (sha256, source) DO NOTHING")
        try connection.query("""
            INSERT INTO file_stamps SELECT DISTINCT ON (source, path) * FROM staged_file_stamps
            ON CONFLICT (source, path) DO UPDATE SET
                size_bytes = EXCLUDED.size_bytes, stamp = EXCLUDED.stamp, sha256 = EXCLUDED.sha256
            """)
        try connection.execute(script: """
            TRUNCATE staged_awards, staged_catalog, staged_revocations, staged_files, staged_file_stamps
            """)
        return try inserted.first?.int("new_awards") ?? 0
    }
}
