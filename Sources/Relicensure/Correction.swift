/// HR's correction of a posted credit (SPEC §2, §5 "Posted credits are stable"): the ledger
/// stays append-only, so a correction is one new entry that moves the award's standing hours
/// to what HR says, with who and why kept beside it.
public struct Correction: Sendable, Hashable {
    /// What HR wants the award's standing hours to become.
    public enum Change: Sendable, Hashable {
        /// Take every standing hour back.
        case reverse
        /// Make the standing hours exactly this; the difference is posted.
        case setHours(ClockHours)
    }

    /// Why a correction cannot be posted, in a sentence HR can act on.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case noStandingCredit(awardID: String)
        case negativeHours(ClockHours)
        case unchanged(awardID: String, hours: ClockHours)

        public var description: String {
            switch self {
            case .noStandingCredit(let awardID):
                "award \(awardID) has no standing credit (never credited, or already reversed), so there is nothing to correct"
            case .negativeHours(let hours):
                "--hours \(hours) is negative; give the hours the credit should have (0 or more), or use --reverse"
            case .unchanged(let awardID, let hours):
                "award \(awardID) already stands at \(hours) h; nothing to do"
            }
        }
    }

    public var awardID: String
    public var change: Change
    /// Who decided (HR's name), kept in the ledger's `recorded_by`.
    public var recordedBy: String
    /// Why, in HR's words, kept in the ledger's `reason`.
    public var reason: String

    public init(awardID: String, change: Change, recordedBy: String, reason: String) {
        self.awardID = awardID
        self.change = change
        self.recordedBy = recordedBy
        self.reason = reason
    }

    /// The one ledger entry that brings `credit` (the award's standing credit, if any) to the
    /// hours HR asked for: a REVERSE when they go down, an ADD when they go up.
    public func posting(against credit: StandingCredit?) -> Result<Posting, Refusal> {
        let target: ClockHours
        switch change {
        case .reverse: target = .zero
        case .setHours(let hours):
            guard hours >= .zero else { return .failure(.negativeHours(hours)) }
            target = hours
        }
        guard let credit, credit.hours.isPositive else { return .failure(.noStandingCredit(awardID: awardID)) }
        guard target != credit.hours else { return .failure(.unchanged(awardID: awardID, hours: credit.hours)) }
        let action: Posting.Action = target < credit.hours ? .reverse : .add
        let difference = action == .reverse ? credit.hours - target : target - credit.hours
        return .success(Posting(awardID: credit.awardID, educatorID: credit.educatorID, action: action,
                                hours: difference, creditType: credit.creditType, badgeID: credit.badgeID,
                                issuerID: credit.issuerID, awardDate: credit.awardDate, reason: reason,
                                audit: Audit(rule: "correction by \(recordedBy): \(credit.hours) h to \(target) h"),
                                kind: .correction))
    }
}
