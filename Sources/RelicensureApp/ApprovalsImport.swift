import Foundation
import OpenBadges
import Relicensure
import RelicensureStore

/// `relicensure approvals import FILE.csv [--strict]` (SPEC §4.2): the districts' decisions
/// about single educators' external badges, appended to the ledger's `approvals` (every
/// decision is kept; the latest in force wins when a night evaluates).
public enum ApprovalsImport {
    /// What an import did, for the command's summary line.
    public struct Summary: Sendable {
        public let imported: Int
        /// `FILE:line N: problem`, one per bad row.
        public let skipped: [String]
        /// `FILE:line N: question`, one per row imported that a person should look at.
        public var questioned: [String] = []
    }

    static let required = ["educator_id", "badge_id", "decision", "decided_by", "decided_on"]

    /// The most hours one decision may grant: no single badge is worth more than the whole
    /// term's requirement, and never more than the ledger's column allows.
    static func maximumHours(_ rules: CreditingRules) -> ClockHours {
        min(rules.requiredHours, ClockHours(1000))
    }

    public static func run(session: Session, file: String, strict: Bool) throws -> Summary {
        let table = try CSVTable.read(file: file, required: required)
        let most = maximumHours(session.configuration.rules)
        let (approvals, problems) = table.records { approval(from: $0, maximumHours: most) }
        let store = try session.openStore()
        // A decision for an id that is not on the roster is kept (the educator may be added
        // later) but questioned: most often the id is mistyped and the decision would never apply.
        let known = try store.knownEducatorIDs(among: approvals.map(\.decision.educatorID))
        let questioned = approvals.filter { !known.contains($0.decision.educatorID) }.map {
            CSVTable.RowProblem(line: $0.line, message: "educator_id '\($0.decision.educatorID)' is not on the roster; "
                                + "correct the id, or import the roster first")
        }
        try CSVTable.screen(problems, questioned: questioned, file: file, strict: strict, logger: session.logger)
        try self.store(approvals, into: store, source: URL(fileURLWithPath: file).standardizedFileURL.path)
        session.logger.info("approvals imported", metadata: ["file": "\(file)", "imported": "\(approvals.count)",
                                                             "skipped": "\(problems.count)"])
        return Summary(imported: approvals.count, skipped: problems.map { "\(file):\($0)" },
                       questioned: questioned.map { "\(file):\($0)" })
    }

    /// Appends checked decisions to the ledger's `approvals`, `source` naming where they came
    /// from: a file's path, or the web door.
    static func store(_ approvals: [Imported], into store: Store, source: String) throws {
        // A night holds the approvals table in share mode while it reads them (see
        // Store.holdCreditingInputs), so an import during a night waits for it to commit.
        try store.transaction { _ = try store.appendApprovals(approvals, sourceFile: source) }
    }

    /// A checked row: the decision and the file's line it came from.
    typealias Imported = (decision: ApprovalDecision, line: Int)

    static func approval(from row: CSVTable.Row, maximumHours: ClockHours) -> Result<Imported, CSVTable.RowProblem> {
        func problem(_ message: String) -> Result<Imported, CSVTable.RowProblem> {
            .failure(.init(line: row.line, message: message))
        }
        // Each cell is read (and trimmed) once; the first empty required column is named.
        guard let educatorID = row["educator_id"], let badgeID = row["badge_id"], let decisionText = row["decision"],
              let decidedBy = row["decided_by"], let decidedOnText = row["decided_on"] else {
            return problem("\(required.first { row[$0] == nil } ?? "a required value") is empty")
        }
        guard let verdict = ApprovalDecision.Verdict(rawValue: decisionText.lowercased()) else {
            return problem("decision must be approved or denied")
        }
        guard let decidedOn = CalendarDate(decidedOnText) else {
            return problem("decided_on is not a date written YYYY-MM-DD")
        }
        var hours: ClockHours?
        if let hoursText = row["hours"] {
            guard let value = ClockHours(hoursText) else {
                return problem("hours is not a number of hours such as 10 or 7.5")
            }
            guard value >= .zero, value <= maximumHours else {
                return problem("hours \(value) is outside 0…\(maximumHours) (state.required_hours is the most one badge can earn)")
            }
            guard verdict == .approved else {
                return problem("hours are given for a denied decision; leave hours empty or write approved")
            }
            hours = value
        }
        let decision = ApprovalDecision(id: 0, educatorID: educatorID, badgeID: badgeID, verdict: verdict, hours: hours,
                                        decidedBy: decidedBy, decidedOn: decidedOn, note: row["note"])
        return .success((decision: decision, line: row.line))
    }
}
