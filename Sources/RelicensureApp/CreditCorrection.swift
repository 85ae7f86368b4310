import Foundation
public import OpenBadges
public import Relicensure
import RelicensureStore

/// `relicensure correct AWARD_ID (--reverse | --hours H) --by NAME --reason TEXT` (SPEC §2,
/// §5 "Posted credits are stable"): HR moves a posted credit by one new ledger entry of kind
/// `correction`, with who and why kept beside it.
///
/// The correction is exported at once: the command records a PDMS batch holding its entry and
/// writes the file, as a night does, so HR can key the change into PDMS the same day. It runs
/// under the nightly lock, is recorded as a run (`correct`), and posts with its as-of date.
public enum CreditCorrection {
    /// What a correction did (or, in a dry run, would do).
    public struct Summary: Sendable {
        public var runID: Int64?
        public var asOf: CalendarDate
        public var dryRun: Bool
        public var posting: Posting
        public var hoursBefore: ClockHours
        public var hoursAfter: ClockHours
        public var pdmsFiles: [String] = []
    }

    public static func run(session: Session, correction: Correction, dryRun: Bool) throws -> Summary {
        let store = try session.openStore()
        return try NightlyLock.holding(store, command: "correction") {
            var summary = try plan(correction, store: store, session: session, dryRun: dryRun)
            guard !dryRun else { return summary }
            summary.pdmsFiles = try PDMSExport.writeUnwritten(store: store, session: session)
            let runID = try store.beginRun(command: "correct", asOf: session.asOf, dryRun: false,
                                           configChecksum: session.configChecksum)
            summary.runID = runID
            try store.markAbandonedRuns(except: runID)
            do {
                let batch = try store.transaction {
                    try store.post([summary.posting], runID: runID, postedOn: session.asOf,
                                   configChecksum: session.configChecksum, recordedBy: correction.recordedBy)
                    try store.recordCorrection(summary.posting, standingAfter: summary.hoursAfter, runID: runID,
                                               on: session.asOf)
                    return try store.createPDMSBatch(runID: runID, asOf: session.asOf,
                                                     columns: session.configuration.pdmsColumns)
                }
                if let batch {
                    summary.pdmsFiles.append(try PDMSExport.write(batchID: batch, store: store, session: session))
                }
                try store.finishRun(runID, succeeded: true, countsJSON: countsJSON(summary), message: nil)
            } catch {
                try? store.finishRun(runID, succeeded: false, countsJSON: "{}", message: "\(error)")
                throw error
            }
            session.logger.info("credit corrected", metadata: [
                "award": "\(correction.awardID)", "action": "\(summary.posting.action.rawValue)",
                "hours": "\(summary.posting.hours)", "standing": "\(summary.hoursAfter)",
            ])
            return summary
        }
    }

    /// The entry to post, or the sentence (exit 2) that says why there is none.
    static func plan(_ correction: Correction, store: Store, session: Session, dryRun: Bool) throws -> Summary {
        guard try store.awardExists(correction.awardID) else {
            throw AppError(.usage, "there is no award \(correction.awardID); give the award id (credential_id) exactly as the PDMS file or `relicensure educator` shows it")
        }
        let credit = try store.standingCredits(awardID: correction.awardID).first
        switch correction.posting(against: credit) {
        case .failure(let refusal):
            throw AppError(.usage, refusal.description)
        case .success(let posting):
            let before = credit?.hours ?? .zero
            let after = posting.action == .add ? before + posting.hours : before - posting.hours
            return Summary(runID: nil, asOf: session.asOf, dryRun: dryRun, posting: posting, hoursBefore: before,
                           hoursAfter: after)
        }
    }

    static func countsJSON(_ summary: Summary) -> String {
        let key = summary.posting.action == .add ? "corrections_added" : "corrections_reversed"
        return "{\"ledger_entries\": 1, \"\(key)\": 1}"
    }
}
