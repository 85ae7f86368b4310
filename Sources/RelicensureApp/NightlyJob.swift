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
/// between) is written by the next run before anything else.
public enum NightlyJob {
    /// What a night did, for the summary line and the run record.
    public struct Summary: Sendable {
        public var runID: Int64?
        public var asOf: CalendarDate
        public var dryRun: Bool
        public var filesRead = 0
        public var filesSeenBefore = 0
        public var filesNotBadges = 0
        public var newAwards = 0
        public var evaluated = 0
        public var outcomes: [String: Int] = [:]
        /// What was posted: totals, and the first postings themselves.
        public var ledger = PostingTally()
        /// The first postings (every one on a normal night); totals are in `ledger`.
        public var postings: [Posting] { ledger.sample }
        public var pdmsFiles: [String] = []
    }

    public static func run(session: Session, dryRun: Bool) throws -> Summary {
        let store = try session.openStore()
        return try NightlyLock.holding(store, command: "nightly") {
            try locked(store: store, session: session, dryRun: dryRun)
        }
    }

    private static func locked(store: Store, session: Session, dryRun: Bool) throws -> Summary {
        var summary = Summary(runID: nil, asOf: session.asOf, dryRun: dryRun)
        // Hosted badges are fetched before the transaction: network waits must not hold it open.
        let hosted = try HostedFetches.gather(store: store, session: session)
        if dryRun {
            do {
                try store.transaction {
                    let runID = try store.beginRun(command: "nightly", asOf: session.asOf, dryRun: true,
                                                   configChecksum: session.configChecksum)
                    _ = try night(store: store, session: session, runID: runID, hosted: hosted, summary: &summary)
                    throw DryRunRollback()
                }
            } catch is DryRunRollback {
                summary.runID = nil
            }
            return summary
        }
        summary.pdmsFiles = try PDMSExport.writeUnwritten(store: store, session: session)
        let runID = try store.beginRun(command: "nightly", asOf: session.asOf, dryRun: false,
                                       configChecksum: session.configChecksum)
        summary.runID = runID
        do {
            var batchID: Int64?
            try store.transaction {
                batchID = try night(store: store, session: session, runID: runID, hosted: hosted, summary: &summary)
            }
            if let batchID {
                summary.pdmsFiles.append(try PDMSExport.write(batchID: batchID, store: store, session: session))
            }
            try store.finishRun(runID, succeeded: true, countsJSON: countsJSON(summary), message: nil)
            return summary
        } catch {
            try? store.finishRun(runID, succeeded: false, countsJSON: countsJSON(summary), message: "\(error)")
            throw error
        }
    }

    private struct DryRunRollback: Error {}

    /// The night inside its transaction; returns the PDMS batch it recorded, if any.
    private static func night(store: Store, session: Session, runID: Int64, hosted: HostedFetches,
                              summary: inout Summary) throws -> Int64? {
        let config = session.configuration
        let logger = session.logger
        var clock = PhaseClock(logger: logger)
        try store.beginStaging()
        // The inbox skips only what the inbox delivered before: bytes first handed in through
        // uploads are read again from the inbox, where they are trusted (SPEC §4.4).
        var seen = try store.seenFileHashes(from: .inbox)
        var ingest = BadgeIngest(store: store, timeZone: config.timeZone, runID: runID, day: session.asOf, logger: logger)
        try ingest.ingest(folder: config.inbox, source: .inbox, seen: &seen)
        if let uploads = config.uploads {
            seen.formUnion(try store.seenFileHashes())
            try ingest.ingest(folder: uploads, source: .uploads, seen: &seen)
        }
        clock.lap("files read and staged")
        summary.newAwards = try store.mergeStaged()
        clock.lap("staged rows merged")
        try HostedRecheck.apply(hosted, store: store, session: session)
        try UploadVerification.run(store: store, session: session, runID: runID, hosted: hosted)
        summary.filesRead = ingest.tally.filesRead
        summary.filesSeenBefore = ingest.tally.filesSeenBefore
        summary.filesNotBadges = ingest.tally.filesNotBadges
        logger.info("ingest done", metadata: ["files": "\(summary.filesRead)", "seen_before": "\(summary.filesSeenBefore)",
                                              "new_awards": "\(summary.newAwards)", "invalid_items": "\(ingest.tally.invalidItems)"])

        let evaluation = try Evaluation.run(store: store, session: session, runID: runID)
        summary.evaluated = evaluation.evaluated
        summary.ledger = evaluation.postings
        summary.outcomes = evaluation.outcomes
        logger.info("crediting done", metadata: ["evaluated": "\(summary.evaluated)",
                                                 "postings": "\(summary.ledger.count)"])
        let batch = try store.createPDMSBatch(runID: runID, asOf: session.asOf, columns: config.pdmsColumns)
        clock.lap("PDMS batch recorded")
        return batch
    }

    static func countsJSON(_ summary: Summary) -> String {
        var counts: [String: Int] = summary.outcomes
        counts["files_read"] = summary.filesRead
        counts["files_seen_before"] = summary.filesSeenBefore
        counts["new_awards"] = summary.newAwards
        counts["evaluated"] = summary.evaluated
        counts["ledger_entries"] = summary.ledger.count
        let data = (try? JSONSerialization.data(withJSONObject: counts, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(data: data, encoding: .utf8) ?? "{}"
    }
}
