import Postgres
public import Relicensure
public import OpenBadges

/// What was decided and posted for one educator: the web transcript shows who decided each
/// external badge and when, and who posted each ledger entry and why (SPEC §8 "Transcript").
public struct EducatorHistory: Sendable {
    /// The district's decisions, in the order they were recorded.
    public var decisions: [ApprovalDecision]
    /// Ledger entries posted by `asOf`, in posting order.
    public var entries: [LedgerLine]
}

extension Store {
    public func educatorHistory(_ educatorID: String, asOf: CalendarDate) throws -> EducatorHistory {
        let decisions = try Self.approvalDecisions(try connection.query("""
            SELECT approval_id, educator_id, badge_id, decision, hours::text, decided_by, decided_on::text, note
            FROM approvals WHERE educator_id = \(educatorID) AND decided_on <= \(asOf.description)::date
            ORDER BY approval_id
            """))
        let entries = try connection.query("""
            SELECT \(unescaped: Self.ledgerLineColumns)
            FROM ledger_entries l JOIN awards a USING (award_id)
            WHERE l.educator_id = \(educatorID) AND l.posted_on <= \(asOf.description)::date
            ORDER BY l.posted_on, l.entry_id
            """).map(Self.ledgerLine)
        return EducatorHistory(decisions: decisions, entries: entries)
    }
}
