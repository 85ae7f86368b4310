import Postgres
public import Relicensure

extension Store {
    /// Appends the decisions of an approvals file (SPEC §4.2) in file order, each with its line,
    /// never updating an earlier one: every decision is kept for audit, and the ids COPY hands
    /// out in row order make "on the same day, the one imported last wins" hold within one file
    /// too. The decisions' own `id`s are not used: the store gives each its own.
    @discardableResult
    public func appendApprovals(_ approvals: [(decision: ApprovalDecision, line: Int)], sourceFile: String) throws -> Int {
        try connection.copyIn("""
            COPY approvals (educator_id, badge_id, decision, hours, decided_by, decided_on, note, source_file,
                            source_line) FROM STDIN
            """, rows: approvals.lazy.map { imported in
                let approval = imported.decision
                return [approval.educatorID, approval.badgeID, approval.verdict.rawValue, approval.hours?.description,
                        approval.decidedBy, approval.decidedOn.description, approval.note, sourceFile,
                        String(imported.line)]
            })
    }
}
