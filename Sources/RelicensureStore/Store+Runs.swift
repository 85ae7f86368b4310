import Foundation
public import OpenBadges
import Postgres

/// A recorded run of a command (SPEC §7).
public struct RunRecord: Sendable {
    public let id: Int64
    public let command: String
    public let asOf: String
    public let startedAt: String
    public let endedAt: String?
    public let outcome: String
    public let dryRun: Bool
    /// Counts by outcome and other tallies, as JSON text.
    public let countsJSON: String
    public let pid: Int?
    public let host: String?
    public let message: String?
}

extension Store {
    /// The advisory lock that keeps nightly runs one at a time. Held by the session, so a
    /// killed run's lock goes with its connection and never blocks the next night.
    public static let nightlyLockKey: Int64 = 0x7265_6c69_6e69_6768  // "relinigh"

    public func tryLockNightly() throws -> Bool { try connection.tryAdvisoryLock(Self.nightlyLockKey) }

    public func unlockNightly() throws { try connection.advisoryUnlock(Self.nightlyLockKey) }

    /// Runs left `running` by a process that died: called while holding the lock, so none of
    /// them can still be alive — except the caller's own run, `current`.
    public func markAbandonedRuns(except current: Int64? = nil) throws {
        try connection.query("""
            UPDATE runs SET outcome = 'abandoned', ended_at = now(), message = 'the process ended without finishing'
            WHERE outcome = 'running' AND run_id IS DISTINCT FROM \(current)
            """)
    }

    /// The latest run still marked running, to name it when the lock is taken.
    public func runningRun() throws -> RunRecord? {
        try runs(whereRunning: true, limit: 1).first
    }

    public func beginRun(command: String, asOf: CalendarDate, dryRun: Bool, configChecksum: String) throws -> Int64 {
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        let host = ProcessInfo.processInfo.hostName
        let result = try connection.query("""
            INSERT INTO runs (command, as_of, dry_run, config_checksum, pid, host)
            VALUES (\(command), \(asOf.description), \(dryRun), \(configChecksum), \(pid), \(host))
            RETURNING run_id
            """)
        guard let row = result.first else { throw StoreError("the run could not be recorded") }
        return Int64(try row.int("run_id"))
    }

    public func finishRun(_ id: Int64, succeeded: Bool, countsJSON: String, message: String?) throws {
        try connection.query("""
            UPDATE runs SET ended_at = now(), outcome = \(succeeded ? "succeeded" : "failed"),
                   counts = \(countsJSON)::jsonb, message = \(message)
            WHERE run_id = \(id)
            """)
    }

    /// The most recent runs, newest first.
    public func recentRuns(limit: Int) throws -> [RunRecord] { try runs(whereRunning: false, limit: limit) }

    /// The newest runs, or only those still `running`, or only run `runID`.
    func runs(whereRunning: Bool, limit: Int, runID: Int64? = nil) throws -> [RunRecord] {
        let rows = try connection.query("""
            SELECT run_id, command, as_of::text, to_char(started_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') AS started,
                   to_char(ended_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') AS ended, outcome, dry_run, counts::text, pid, host,
                   message
            FROM runs WHERE (NOT \(whereRunning) OR outcome = 'running') AND (\(runID)::bigint IS NULL OR run_id = \(runID))
            ORDER BY run_id DESC LIMIT \(limit)
            """)
        return try rows.map { row in
            RunRecord(id: Int64(try row.int("run_id")), command: try row.string("command"),
                      asOf: try row.string("as_of"), startedAt: try row.string("started"), endedAt: row["ended"],
                      outcome: try row.string("outcome"), dryRun: try row.bool("dry_run"),
                      countsJSON: try row.string("counts"), pid: row["pid"].flatMap { Int($0) }, host: row["host"],
                      message: row["message"])
        }
    }
}

extension Store {
    /// Refreshes the planner's statistics of the tables a large night grew, so that the next
    /// lookups (a transcript, the next night) use their indexes instead of scanning: measured
    /// with a million awards, a transcript took 1 s before and 0.04 s after.
    ///
    /// `tables` names which: ``grownTables`` holds them, split in two halves of about equal
    /// cost so that two connections can refresh them side by side.
    public func analyzeGrownTables(_ tables: [String]) throws {
        try connection.execute(script: tables.map { "ANALYZE \($0);" }.joined(separator: " "))
    }

    /// The tables a large night grows, in two groups of about equal cost: `awards` (its
    /// documents, 0.56 s after a 100,000-award backfill) and the three others (0.36 s).
    public static let grownTables = [["awards"], ["award_outcomes", "outcome_history", "ledger_entries"]]

    /// For the rest of the transaction, statements are planned as they were measured, whatever
    /// the district's server settings:
    /// - not compiled to machine code (JIT): the reports and the night run a few long statements
    ///   once each, and compiling them cost the server a quarter of a second each and gained
    ///   nothing, measured on the monthly report;
    /// - with PostgreSQL's default `work_mem` of 4 MB. The planner guesses 200 rows for "each
    ///   award's latest outcome" (a `DISTINCT ON` over two tables), and with more memory it
    ///   hashes that side: with a database's `work_mem` at 64 MB the monthly report of the
    ///   million-award ledger ran past 180 s, against 44–49 s at the default.
    public func planAsMeasured() throws {
        try connection.execute(script: "SET LOCAL jit = off; SET LOCAL work_mem = '4MB'")
    }

    /// `planAsMeasured`, and for a report also no parallel workers: a report keeps both cores
    /// busy itself (the workbook on one, its rows and the server on the other), and the workers
    /// of its four long queries compete with it for them. The 1M ledger's monthly report took
    /// 35.3 and 36.5 s without against 36.9 and 37.7 s with (two pairs: a small gain on a
    /// machine whose runs vary by seconds); a 100k backfill without them was slower (12.2 s
    /// against 10.8 s, one run each), so the night keeps them.
    func planReportAsMeasured() throws {
        try planAsMeasured()
        try connection.execute(script: "SET LOCAL max_parallel_workers_per_gather = 0")
    }
}
