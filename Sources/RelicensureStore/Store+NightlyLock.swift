import Foundation
import Postgres

/// Who holds the nightly lock, as far as the server can tell (SPEC §7: a second run names the
/// running one by process id, host and start time).
public struct NightlyLockHolder: Sendable, CustomStringConvertible {
    /// The holder's run, when it has recorded one (a dry run never does).
    public let run: RunRecord?
    /// The holder's process id and host, from its session's `application_name`.
    public let pid: Int?
    public let host: String?
    /// When the holder's database session began (ISO 8601).
    public let connectedAt: String?
    /// The server process of the holder's session, to end it when its client is gone.
    public var backendPID: Int?

    public var description: String {
        let process = "process \(pid.map(String.init) ?? run?.pid.map(String.init) ?? "?") on \(host ?? run?.host ?? "?")"
        if let run {
            return "run \(run.id), \(process), started \(run.startedAt)"
        }
        return "\(process), connected \(connectedAt ?? "at an unknown time"), not recorded as a run yet"
    }
}

extension Store {
    /// Names this session after the process (`relicensure nightly pid=… host=…`), so that a
    /// second run, and an operator looking at `pg_stat_activity`, can tell who holds the lock.
    public func nameNightlySession() throws {
        let info = ProcessInfo.processInfo
        let name = "relicensure nightly pid=\(info.processIdentifier) host=\(info.hostName)"
        try connection.query("SELECT set_config('application_name', \(name), false)")
    }

    /// The session holding the nightly lock, and its run. Found through `pg_locks`, so it is
    /// right even while older runs are still marked `running` after a kill; when the server
    /// does not show other sessions, the newest `running` run is named instead.
    public func nightlyLockHolder() throws -> NightlyLockHolder? {
        let key = UInt64(bitPattern: Self.nightlyLockKey)
        let rows = try connection.query("""
            WITH holder AS (
                SELECT a.backend_start, a.pid AS backend_pid,
                       substring(a.application_name FROM ' pid=([0-9]+)')::integer AS pid,
                       substring(a.application_name FROM ' host=([^ ]+)') AS host
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::text::bigint = \(Int64(key >> 32))
                  AND l.objid::text::bigint = \(Int64(key & 0xFFFF_FFFF))
            )
            SELECT h.pid, h.host, h.backend_pid, to_char(h.backend_start, 'YYYY-MM-DD"T"HH24:MI:SSOF') AS connected,
                   (SELECT max(r.run_id) FROM runs r
                    WHERE r.outcome = 'running' AND r.pid = h.pid AND r.started_at >= h.backend_start) AS run_id
            FROM holder h
            """)
        guard let row = rows.first else {
            return try runningRun().map { NightlyLockHolder(run: $0, pid: nil, host: nil, connectedAt: nil) }
        }
        let pid = row["pid"].flatMap { Int($0) }
        // A session that did not name itself (an older version, a tool) is known by its run only.
        let run = try pid == nil
            ? runningRun()
            : row["run_id"].flatMap { Int64($0) }.flatMap { try runs(whereRunning: true, limit: 1, runID: $0).first }
        return NightlyLockHolder(run: run, pid: pid, host: row["host"], connectedAt: row["connected"],
                                 backendPID: row["backend_pid"].flatMap { Int($0) })
    }

    /// Ends the server session `backendPID` (the nightly lock holder's, whose process is gone),
    /// which rolls its transaction back and frees the lock; waits up to `seconds` for it to end.
    /// Returns whether it ended.
    public func endOrphanedSession(backendPID: Int, seconds: Int = 10) throws -> Bool {
        let rows = try connection.query("SELECT pg_terminate_backend(\(backendPID), \(seconds * 1000)::bigint)")
        return rows.first?[0] == "t"
    }
}
