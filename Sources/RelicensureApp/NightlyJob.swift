import Foundation
import Logging
public import OpenBadges
public import Relicensure
import RelicensureStore
import Reports

/// `relicensure nightly`: ingest, verify, match, credit, post, export (SPEC §2, §5, §6, §7).
///
/// Everything a night changes in the database happens in one transaction, so a run killed at
/// any instant leaves either nothing or everything. The PDMS file is written after the commit
/// from the batch the transaction recorded; a batch whose file was not written (a kill in
/// between) is written by the next run before anything else. How this is tested — killed at
/// every phase, cut off from the database, a full disk — is in docs/RELIABILITY.md.
public enum NightlyJob {
    /// What a night did, for the summary line and the run record.
    public struct Summary: Sendable {
        public var runID: Int64?
        public var asOf: CalendarDate
        public var dryRun: Bool
        public var filesRead = 0
        public var filesSeenBefore = 0
        public var filesNotBadges = 0
        /// Files left for a later night because they may still be being written.
        public var filesSettling = 0
        /// Files and subfolders of the inbox or uploads that could not be read: the night did its
        /// work without them, and a person must look (exit 4, SPEC §7).
        public var unreadable: [String] = []
        public var newAwards = 0
        public var evaluated = 0
        public var outcomes: [String: Int] = [:]
        /// What was posted: totals, and the first postings themselves.
        public var ledger = PostingTally()
        /// The first postings (every one on a normal night); totals are in `ledger`.
        public var postings: [Posting] { ledger.sample }
        public var pdmsFiles: [String] = []
        /// Hosted fetches postponed tonight (failed, not proven, or left over), which wait 2,
        /// 4, 8, … days; and of them, those the budget or a cap left over before any request.
        public var hostedPostponed = 0
        public var hostedLeftOver = 0
        /// Hosted awards not fetched tonight because an earlier back-off has not run out.
        public var hostedWaiting = 0
    }

    /// The exit code of a night that did its work but could not read everything (SPEC §7).
    public static let needsAttentionExitCode: Int32 = 4

    public static func run(session: Session, dryRun: Bool) throws -> Summary {
        let settle = try SettleWindow(settings: session.settings, runStart: Date())
        let store = try session.openStore()
        return try NightlyLock.holding(store, command: "nightly") {
            session.pausePoints.reach(.locked)
            return try locked(store: store, session: session, settle: settle, dryRun: dryRun)
        }
    }

    private static func locked(store: Store, session: Session, settle: SettleWindow, dryRun: Bool) throws -> Summary {
        let pause = session.pausePoints
        var summary = Summary(runID: nil, asOf: session.asOf, dryRun: dryRun)
        // Hosted badges are fetched before the transaction: network waits must not hold it open.
        let hosted = try HostedFetches.gather(store: store, session: session)
        func night(runID: Int64, summary: inout Summary) throws -> Int64? {
            try Tonight<Steps.Begun>.run(store: store, session: session, runID: runID, settle: settle, pause: pause,
                                         hosted: hosted, summary: &summary)
        }
        if dryRun {
            do {
                try store.transaction {
                    let runID = try store.beginRun(command: "nightly", asOf: session.asOf, dryRun: true,
                                                   configChecksum: session.configChecksum)
                    _ = try night(runID: runID, summary: &summary)
                    throw DryRunRollback()
                }
            } catch is DryRunRollback {
                summary.runID = nil
            }
            return summary
        }
        var committed = false
        do {
            // Recorded first, so that a second run can name this one from the moment it holds the lock.
            let runID = try store.beginRun(command: "nightly", asOf: session.asOf, dryRun: false,
                                           configChecksum: session.configChecksum)
            summary.runID = runID
            try store.markAbandonedRuns(except: runID)
            pause.reach(.runRecorded)
            StaleReportFiles.sweep(folder: session.configuration.reports + "/pdms", logger: session.logger)
            // A batch committed by a run killed before its file was written.
            summary.pdmsFiles = try PDMSExport.writeUnwritten(store: store, session: session)
            var batchID: Int64?
            try store.transaction {
                batchID = try night(runID: runID, summary: &summary)
                pause.reach(.batchRecorded)
            }
            committed = true
            pause.reach(.committed)
            let statistics = summary.newAwards + summary.ledger.count >= analyzeThreshold
                ? StatisticsRefresh(session: session) : nil
            defer { statistics?.wait() }
            if let batchID {
                summary.pdmsFiles.append(try PDMSExport.write(batchID: batchID, store: store, session: session))
            }
            try store.finishRun(runID, succeeded: true, countsJSON: countsJSON(summary),
                                message: NightlySummaryText.unreadableLine(summary))
            pause.reach(.finished)
            return summary
        } catch {
            let failure = explained(error, connectionLost: !store.connection.isHealthy, committed: committed)
            if let runID = summary.runID {
                try? store.finishRun(runID, succeeded: false, countsJSON: countsJSON(summary), message: failure.message)
            }
            throw failure
        }
    }

    private struct DryRunRollback: Error {}

    /// A night that added this many awards and ledger entries refreshes the planner's
    /// statistics (a normal night adds far fewer, and ANALYZE costs a second over a million).
    static let analyzeThreshold = 10_000

    /// What a failed run tells the operator: what happened, and what is left for the next run.
    static func explained(_ error: any Error, connectionLost: Bool, committed: Bool) -> AppError {
        let after = committed
            ? "tonight's work was committed, but its PDMS file may not be written yet: the next run writes it"
            : "nothing of this run was committed: run it again"
        if let error = error as? AppError, !connectionLost { return error }
        // libpq's messages run over several lines; the operator gets one.
        let cause = "\(error)".split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        if connectionLost {
            return AppError(.failed, "the connection to the database was lost during the nightly run (\(cause)); \(after)")
        }
        return AppError(.failed, "the nightly run failed (\(cause)); \(after)")
    }

    static func countsJSON(_ summary: Summary) -> String {
        var counts: [String: Int] = summary.outcomes
        counts["files_read"] = summary.filesRead
        counts["files_seen_before"] = summary.filesSeenBefore
        counts["files_settling"] = summary.filesSettling
        counts["unreadable"] = summary.unreadable.count
        counts["new_awards"] = summary.newAwards
        counts["evaluated"] = summary.evaluated
        counts["ledger_entries"] = summary.ledger.count
        counts["hosted_postponed"] = summary.hostedPostponed
        counts["hosted_left_over"] = summary.hostedLeftOver
        counts["hosted_waiting"] = summary.hostedWaiting
        let data = (try? JSONSerialization.data(withJSONObject: counts, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(data: data, encoding: .utf8) ?? "{}"
    }
}
