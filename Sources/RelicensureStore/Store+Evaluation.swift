import Foundation
public import OpenBadges
import Postgres
public import Relicensure

/// An award as stored, before its references are resolved against the catalog.
public struct StoredAward: Sendable {
    public var awardID: String
    public var source: BadgeSource
    public var badgeID: String?
    public var badgeName: String?
    public var issuerID: String?
    public var issuerName: String?
    public var recipient: RecipientIdentity?
    public var awardDate: CalendarDate?
    public var revoked: Bool
    public var verification: String
    public var invalidDetail: String?
}

/// Names and owners of the catalog's BadgeClasses and issuers, for resolving references.
public struct CatalogIndex: Sendable {
    public var badgeClasses: [String: (name: String?, issuerID: String?)] = [:]
    public var issuers: [String: String?] = [:]
    public init() {}
}

extension Store {
    /// Every award not yet final (SPEC §5 "Every night again"): new ones and waiting ones.
    public func awardsToEvaluate() throws -> [StoredAward] {
        let rows = try connection.query("""
            SELECT a.award_id, a.source, a.badge_id, a.badge_name, a.issuer_id, a.issuer_name, a.recipient_type,
                   a.recipient_identity, a.recipient_hashed, a.recipient_salt, a.award_date::text, a.revoked,
                   a.verification, a.invalid_detail
            FROM awards a LEFT JOIN award_outcomes o USING (award_id)
            WHERE o.outcome IS NULL OR o.outcome NOT IN ('credited', 'invalid', 'revoked')
            """)
        return try rows.map { row in
            var recipient: RecipientIdentity?
            if let identity = row["recipient_identity"] {
                recipient = RecipientIdentity(type: row["recipient_type"] ?? "email", identity: identity,
                                              hashed: row["recipient_hashed"] == "t", salt: row["recipient_salt"])
            }
            return StoredAward(awardID: try row.string("award_id"),
                               source: BadgeSource(rawValue: try row.string("source")) ?? .uploads,
                               badgeID: row["badge_id"], badgeName: row["badge_name"], issuerID: row["issuer_id"],
                               issuerName: row["issuer_name"], recipient: recipient,
                               awardDate: row["award_date"].flatMap { CalendarDate($0) },
                               revoked: try row.bool("revoked"), verification: try row.string("verification"),
                               invalidDetail: row["invalid_detail"])
        }
    }

    /// Names and owners of every BadgeClass and issuer from a trusted source: a document found
    /// only in uploads vouches for nothing, not even whose badge a BadgeClass id is (SPEC §4.4).
    public func catalogIndex() throws -> CatalogIndex {
        var index = CatalogIndex()
        // The inbox comes last so its values win over a fetched copy.
        for row in try connection.query("""
            SELECT kind, document_id, name, issuer_id FROM catalog_documents
            WHERE kind IN ('badge_class', 'issuer') AND source <> 'uploads' ORDER BY (source = 'inbox')
            """) {
            let id = try row.string("document_id")
            if row["kind"] == "badge_class" {
                index.badgeClasses[id] = (row["name"], row["issuer_id"])
            } else {
                index.issuers[id] = row["name"]
            }
        }
        return index
    }

    /// Awards revoked by a trusted source: a revocation-only document, or a revocation list
    /// of the award's own issuer (named by the list, or by the issuer's profile), whose entry
    /// names the award's id or its legacy OB 1.0 `uid`. An award that names its BadgeClass by id
    /// is owned by the issuer the trusted BadgeClass names, from the first night on.
    public func revokedAwardIDs() throws -> Set<String> {
        var revoked = Set<String>()
        for row in try connection.query("""
            WITH owned AS (
                SELECT a.award_id, a.document->>'uid' AS uid,
                       coalesce(a.issuer_id, (SELECT b.issuer_id FROM catalog_documents b
                                              WHERE b.kind = 'badge_class' AND b.source <> 'uploads'
                                                AND b.document_id = a.badge_id
                                              ORDER BY (b.source = 'inbox') DESC LIMIT 1)) AS issuer_id
                FROM awards a
            )
            SELECT a.award_id FROM awards a WHERE a.revoked
            UNION
            SELECT o.award_id FROM owned o JOIN revocations r ON r.award_id IN (o.award_id, o.uid)
            WHERE (r.list_id = '' AND r.award_id = o.award_id) OR r.issuer_id = o.issuer_id
               OR EXISTS (SELECT 1 FROM catalog_documents c
                          WHERE c.kind = 'issuer' AND c.source <> 'uploads' AND c.document_id = o.issuer_id
                            AND c.document->>'revocationList' = r.list_id)
            """) {
            revoked.insert(try row.string("award_id"))
        }
        return revoked
    }

    /// Credits whose ADDs exceed their REVERSEs.
    public func standingCredits() throws -> [StandingCredit] {
        let rows = try connection.query("""
            SELECT award_id, educator_id, badge_id, issuer_id, award_date::text, credit_type,
                   sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END)::text AS net
            FROM ledger_entries
            GROUP BY award_id, educator_id, badge_id, issuer_id, award_date, credit_type
            HAVING sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END) > 0
            """)
        return try rows.compactMap { row in
            guard let date = CalendarDate(try row.string("award_date")),
                  let type = CreditType(rawValue: try row.string("credit_type")),
                  let hours = ClockHours(try row.string("net")) else {
                throw StoreError("ledger entry for award \(row["award_id"] ?? "?") has an unreadable date, type or hours")
            }
            return StandingCredit(awardID: try row.string("award_id"), educatorID: try row.string("educator_id"),
                                  badgeID: try row.string("badge_id"), issuerID: try row.string("issuer_id"),
                                  awardDate: date, creditType: type, hours: hours)
        }
    }

    /// Every decision ever imported, oldest import first.
    public func approvalDecisions() throws -> [ApprovalDecision] {
        let rows = try connection.query("""
            SELECT approval_id, educator_id, badge_id, decision, hours::text, decided_by, decided_on::text, note
            FROM approvals ORDER BY approval_id
            """)
        return try rows.compactMap { row in
            guard let verdict = ApprovalDecision.Verdict(rawValue: try row.string("decision")),
                  let decidedOn = CalendarDate(try row.string("decided_on")) else { return nil }
            return ApprovalDecision(id: Int64(try row.int("approval_id")), educatorID: try row.string("educator_id"),
                                    badgeID: try row.string("badge_id"), verdict: verdict,
                                    hours: row["hours"].flatMap { ClockHours($0) },
                                    decidedBy: try row.string("decided_by"), decidedOn: decidedOn, note: row["note"])
        }
    }

    /// Saves tonight's decisions as the awards' current outcomes, keeps every change in the
    /// history, and stores the names that resolving references found.
    public func record(_ decisions: [Decision], resolved: [String: AwardFacts], runID: Int64,
                       on day: CalendarDate) throws {
        guard !decisions.isEmpty else { return }
        try connection.execute(script: """
            CREATE TEMP TABLE tonight_outcomes (
                award_id text, outcome text, reason text, educator_id text, hours numeric(8,2), audit jsonb,
                badge_id text, badge_name text, issuer_id text, issuer_name text
            ) ON COMMIT DROP
            """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try connection.copyIn("""
            COPY tonight_outcomes (award_id, outcome, reason, educator_id, hours, audit, badge_id, badge_name,
                                   issuer_id, issuer_name) FROM STDIN
            """, rows: decisions.lazy.map { decision in
                let facts = resolved[decision.awardID]
                let audit = (try? encoder.encode(decision.audit)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
                return [decision.awardID, decision.outcome.rawValue, decision.reason, decision.educatorID,
                        decision.hours.description, audit, facts?.badgeID, facts?.badgeName, facts?.issuerID,
                        facts?.issuerName]
            })
        let run = runID, evaluatedOn = day.description
        try connection.query("""
            INSERT INTO outcome_history (award_id, run_id, outcome, reason, educator_id, evaluated_on)
            SELECT t.award_id, \(run), t.outcome, t.reason, t.educator_id, \(evaluatedOn)::date
            FROM tonight_outcomes t LEFT JOIN award_outcomes o USING (award_id)
            WHERE o.outcome IS DISTINCT FROM t.outcome OR o.reason IS DISTINCT FROM t.reason
               OR o.educator_id IS DISTINCT FROM t.educator_id
            """)
        try connection.query("""
            INSERT INTO award_outcomes (award_id, outcome, reason, educator_id, hours, audit, run_id, evaluated_on)
            SELECT award_id, outcome, reason, educator_id, hours, audit, \(run), \(evaluatedOn)::date
            FROM tonight_outcomes
            ON CONFLICT (award_id) DO UPDATE SET
                outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, educator_id = EXCLUDED.educator_id,
                hours = CASE WHEN EXCLUDED.outcome = 'credited' THEN EXCLUDED.hours ELSE award_outcomes.hours END,
                audit = EXCLUDED.audit, run_id = EXCLUDED.run_id, evaluated_on = EXCLUDED.evaluated_on
            """)
        try connection.query("""
            UPDATE awards a SET badge_name = coalesce(t.badge_name, a.badge_name),
                                issuer_id = coalesce(t.issuer_id, a.issuer_id),
                                issuer_name = coalesce(t.issuer_name, a.issuer_name)
            FROM tonight_outcomes t
            WHERE t.award_id = a.award_id
              AND (t.badge_name IS DISTINCT FROM a.badge_name OR t.issuer_id IS DISTINCT FROM a.issuer_id
                   OR t.issuer_name IS DISTINCT FROM a.issuer_name)
              AND (t.badge_name IS NOT NULL OR t.issuer_id IS NOT NULL OR t.issuer_name IS NOT NULL)
            """)
        try connection.query("DROP TABLE tonight_outcomes")
    }

    /// Appends tonight's ledger entries, reversals first. The unique index on credits makes a
    /// doubled ADD impossible even if this were called twice.
    public func post(_ postings: [Posting], runID: Int64, postedOn day: CalendarDate, configChecksum: String,
                     recordedBy: String? = nil) throws {
        guard !postings.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let run = String(runID), postedOn = day.description
        try connection.copyIn("""
            COPY ledger_entries (award_id, educator_id, action, kind, hours, credit_type, badge_id, issuer_id,
                                 award_date, posted_on, run_id, reason, audit, config_checksum, recorded_by) FROM STDIN
            """, rows: postings.lazy.map { posting in
                let audit = (try? encoder.encode(posting.audit)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
                let kind = posting.reason == "correction" ? "correction" : (posting.action == .add ? "credit" : "reversal")
                return [posting.awardID, posting.educatorID, posting.action.rawValue, kind, posting.hours.description,
                        posting.creditType.rawValue, posting.badgeID, posting.issuerID, posting.awardDate.description,
                        postedOn, run, posting.reason, audit, configChecksum, recordedBy]
            })
    }
}
