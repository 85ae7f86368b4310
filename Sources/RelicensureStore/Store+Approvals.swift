public import OpenBadges
import Postgres
public import Relicensure

/// One row of an approvals file, checked and ready to keep (SPEC §4.2).
public struct ImportedApproval: Sendable, Hashable {
    public var educatorID: String
    public var badgeID: String
    public var verdict: ApprovalDecision.Verdict
    public var hours: ClockHours?
    public var decidedBy: String
    public var decidedOn: CalendarDate
    public var note: String?
    /// The file's line (the header is line 1), for the audit trail.
    public var line: Int

    public init(educatorID: String, badgeID: String, verdict: ApprovalDecision.Verdict, hours: ClockHours?,
                decidedBy: String, decidedOn: CalendarDate, note: String?, line: Int) {
        self.educatorID = educatorID
        self.badgeID = badgeID
        self.verdict = verdict
        self.hours = hours
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.note = note
        self.line = line
    }
}

extension Store {
    /// Appends decisions in file order, never updating an earlier one: every decision is kept
    /// for audit, and the ids COPY hands out in row order make "on the same day, the one
    /// imported last wins" hold within one file too.
    @discardableResult
    public func appendApprovals(_ approvals: [ImportedApproval], sourceFile: String) throws -> Int {
        try connection.copyIn("""
            COPY approvals (educator_id, badge_id, decision, hours, decided_by, decided_on, note, source_file,
                            source_line) FROM STDIN
            """, rows: approvals.lazy.map { approval in
                [approval.educatorID, approval.badgeID, approval.verdict.rawValue, approval.hours?.description,
                 approval.decidedBy, approval.decidedOn.description, approval.note, sourceFile, String(approval.line)]
            })
    }
}
