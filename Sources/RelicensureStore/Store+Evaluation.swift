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
    public var verification: VerificationOutcome
    public var invalidDetail: String?
}

/// Names and owners of the catalog's BadgeClasses and issuers, for resolving references.
public struct CatalogIndex: Sendable {
    public var badgeClasses: [String: (name: String?, issuerID: String?)] = [:]
    public var issuers: [String: String?] = [:]
    public init() {}

    /// Which issuer an award belongs to, by `AwardOwner`'s rule: the one it names itself, else
    /// the one its trusted BadgeClass names. The SQL twin is `award_issuer` (sql/012_rules.sql);
    /// RuleTwinTests holds the two together.
    public func issuerID(named: String?, badgeID: String?) -> String? {
        AwardOwner.issuerID(named: named, badgeID: badgeID) { badgeClasses[$0]?.issuerID }
    }
}

extension Store {
    /// Names and owners of every BadgeClass and issuer from a trusted source: a document found
    /// only in uploads vouches for nothing, not even whose badge a BadgeClass id is (SPEC §4.4).
    public func catalogIndex() throws -> CatalogIndex {
        var index = CatalogIndex()
        for row in try connection.query("SELECT document_id, name, issuer_id FROM trusted_badge_classes") {
            index.badgeClasses[try row.string("document_id")] = (row["name"], row["issuer_id"])
        }
        // The inbox comes last so its values win over a fetched copy.
        for row in try connection.query("""
            SELECT document_id, name FROM catalog_documents
            WHERE kind = 'issuer' AND source <> 'uploads' ORDER BY (source = 'inbox')
            """) {
            index.issuers[try row.string("document_id")] = row["name"]
        }
        return index
    }

    /// An award's net hours in the ledger (ADDs minus REVERSEs), over `ledger_entries` rows.
    static let netHours = netHours(of: nil)

    /// Net hours over ledger rows named `alias` (`l.action`, `l.hours`), or unqualified.
    static func netHours(of alias: String?) -> String {
        let column = { (name: String) in alias.map { "\($0).\(name)" } ?? name }
        return "sum(CASE \(column("action")) WHEN 'ADD' THEN \(column("hours")) ELSE -\(column("hours")) END)"
    }

    /// Groups ledger rows into one standing credit per award, keeping those still standing.
    static let standingGroups = """
        GROUP BY award_id, educator_id, badge_id, issuer_id, award_date, credit_type
        HAVING \(netHours) > 0
        """

    /// Credits whose ADDs exceed their REVERSEs: every one, or only the award `awardID`'s.
    public func standingCredits(awardID: String? = nil) throws -> [StandingCredit] {
        let rows = try connection.query("""
            SELECT award_id, educator_id, badge_id, issuer_id, award_date::text, credit_type,
                   \(unescaped: Self.netHours)::text AS net
            FROM ledger_entries
            WHERE \(awardID)::text IS NULL OR award_id = \(awardID)
            \(unescaped: Self.standingGroups)
            """)
        return try rows.map(Self.standingCredit)
    }

    /// A standing credit from a row with its award, educator, badge, issuer, date, type and `net`.
    static func standingCredit(_ row: PostgresRow) throws -> StandingCredit {
        guard let date = CalendarDate(try row.string("award_date")),
              let type = CreditType(rawValue: try row.string("credit_type")),
              let hours = ClockHours(try row.string("net")) else {
            throw StoreError("ledger entry for award \(row["award_id"] ?? "?") has an unreadable date, type or hours")
        }
        return StandingCredit(awardID: try row.string("award_id"), educatorID: try row.string("educator_id"),
                              badgeID: try row.string("badge_id"), issuerID: try row.string("issuer_id"),
                              awardDate: date, creditType: type, hours: hours)
    }

    /// Every decision ever imported, oldest import first.
    public func approvalDecisions() throws -> [ApprovalDecision] {
        try Self.approvalDecisions(try connection.query("""
            SELECT approval_id, educator_id, badge_id, decision, hours::text, decided_by, decided_on::text, note
            FROM approvals ORDER BY approval_id
            """))
    }

    /// The decisions of rows that have the columns `approvalDecisions()` reads.
    static func approvalDecisions(_ rows: PostgresResult) throws -> [ApprovalDecision] {
        try rows.compactMap { row in
            guard let verdict = ApprovalDecision.Verdict(rawValue: try row.string("decision")),
                  let decidedOn = CalendarDate(try row.string("decided_on")) else { return nil }
            return ApprovalDecision(id: Int64(try row.int("approval_id")), educatorID: try row.string("educator_id"),
                                    badgeID: try row.string("badge_id"), verdict: verdict,
                                    hours: row["hours"].flatMap { ClockHours($0) },
                                    decidedBy: try row.string("decided_by"), decidedOn: decidedOn, note: row["note"])
        }
    }

    /// Appends ledger entries in order (the engine puts reversals first). The ledger's trigger
    /// (sql/001) makes a doubled credit or a reversal below zero impossible even if this were
    /// called twice.
    public func post(_ postings: [Posting], runID: Int64, postedOn day: CalendarDate, configChecksum: String,
                     recordedBy: String? = nil) throws {
        guard !postings.isEmpty else { return }
        let run = String(runID), postedOn = day.description
        try connection.copyIn("""
            COPY ledger_entries (award_id, educator_id, action, kind, hours, credit_type, badge_id, issuer_id,
                                 award_date, posted_on, run_id, reason, audit, config_checksum, recorded_by) FROM STDIN
            """, rows: postings.lazy.map { posting in
                [posting.awardID, posting.educatorID, posting.action.rawValue, posting.kind.rawValue,
                 posting.hours.description, posting.creditType.rawValue, posting.badgeID, posting.issuerID,
                 posting.awardDate.description, postedOn, run, posting.reason, posting.audit.jsonText, configChecksum,
                 recordedBy]
            })
    }
}
