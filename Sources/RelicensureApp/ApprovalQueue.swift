import Foundation
public import OpenBadges
public import Relicensure
public import RelicensureStore

/// The awards waiting for a district's decision in a scope (SPEC §8 "Approvals"), and a
/// decision taken on one, recorded as a row of `approvals import` would be.
public enum ApprovalQueue {
    /// One award waiting for a decision, with whose it is.
    public struct Item: Sendable {
        public let award: AwardStanding
        public let educatorID: String
        public let educatorName: String
        public let badgeID: String
        public let daysWaiting: Int
        /// A decision already recorded for this educator and badge that the next night has
        /// not applied yet (the award is still pending).
        public let recorded: ApprovalDecision?
    }

    /// The awards `pending_approval` as of `asOf` for educators in `scope`, oldest award first.
    public static func items(store: Store, scope: RosterScope, asOf: CalendarDate) throws -> [Item] {
        try store.readingSnapshot {
            let awards = try store.awards(.outcome(Outcome.pendingApproval.rawValue), asOf: asOf, scope: scope)
            let names = Dictionary(try store.educators(in: scope).map { ($0.id, "\($0.firstName) \($0.lastName)") }) { a, _ in a }
            var latest: [String: ApprovalDecision] = [:]
            for decision in try store.approvalDecisions() where decision.decidedOn <= asOf {
                latest[decision.educatorID + "\u{1F}" + decision.badgeID] = decision
            }
            return awards.compactMap { award in
                guard let educatorID = award.educatorID, let badgeID = award.badgeID else { return nil }
                return Item(award: award, educatorID: educatorID, educatorName: names[educatorID] ?? educatorID,
                            badgeID: badgeID, daysWaiting: award.firstSeenOn.days(until: asOf),
                            recorded: latest[educatorID + "\u{1F}" + badgeID])
            }
        }
    }

    /// Why a decision from the web door cannot be recorded, in words for the person deciding.
    public struct Refusal: Error, Sendable {
        public let message: String
    }

    /// Records a decision on the pending award `awardID` of `scope`, by `login` on `decidedOn`,
    /// exactly as `approvals import` records a row (same checks on hours, same table). `nil`
    /// when no such award waits in the scope (the caller answers 404).
    public static func decide(store: Store, rules: CreditingRules, scope: RosterScope, asOf: CalendarDate,
                              awardID: String, approve: Bool, hours: String?, note: String?, login: String,
                              decidedOn: CalendarDate, source: String) throws -> ApprovalDecision? {
        guard let item = try items(store: store, scope: scope, asOf: asOf).first(where: { $0.award.awardID == awardID }) else {
            return nil
        }
        var row = ["educator_id": item.educatorID, "badge_id": item.badgeID,
                   "decision": (approve ? ApprovalDecision.Verdict.approved : .denied).rawValue,
                   "decided_by": login, "decided_on": decidedOn.description]
        row["hours"] = hours.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        row["note"] = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if !approve && row["note"] == nil {
            throw Refusal(message: "A denial needs a note that says why.")
        }
        switch ApprovalsImport.approval(from: CSVTable.Row(line: 1, values: row), maximumHours: ApprovalsImport.maximumHours(rules)) {
        case .failure(let problem):
            throw Refusal(message: problem.message.prefix(1).uppercased() + problem.message.dropFirst() + ".")
        case .success(let imported):
            try ApprovalsImport.store([imported], into: store, source: source)
            return imported.decision
        }
    }
}

extension CSVTable.Row {
    /// A row made of named values, for a decision that comes from a form, not a file.
    init(line: Int, values: [String: String]) {
        let names = Array(values.keys)
        self.init(line: line, fields: names.map { values[$0] ?? "" },
                  columns: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }))
    }
}
