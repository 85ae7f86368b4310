import Foundation
import RelicensureStore

/// The one-run-at-a-time lock of SPEC §7, shared by every command that writes the ledger
/// (`nightly`, `correct`), so a correction never interleaves with a night's postings.
enum NightlyLock {
    /// Runs `body` holding the lock; exit 3 naming the holder (found through the server's lock
    /// table) when another run has it. The body records its run and then marks runs a killed
    /// process left `running` as abandoned: holding the lock proves they are gone.
    static func holding<T>(_ store: Store, command: String, _ body: () throws -> T) throws -> T {
        try store.nameNightlySession()
        guard try store.tryLockNightly() || takeOverFromKilledRun(store) else {
            let holder = (try? store.nightlyLockHolder())??.description ?? "another process"
            throw AppError(.locked, "another nightly run holds the lock (\(holder)); this \(command) did nothing")
        }
        defer { try? store.unlockNightly() }
        return try body()
    }

    /// A run killed with SIGKILL in the middle of a statement leaves its server session running
    /// that statement with the lock held (until the server notices, within a second, that the
    /// client is gone). When the holder names a process on this host that no longer exists, its
    /// session is ended and the lock taken: a killed run never blocks the next (SPEC §7).
    private static func takeOverFromKilledRun(_ store: Store) throws -> Bool {
        guard let holder = try store.nightlyLockHolder(), let pid = holder.pid, let backend = holder.backendPID,
              holder.host == ProcessInfo.processInfo.hostName, !processRuns(pid) else { return false }
        _ = try store.endOrphanedSession(backendPID: backend)
        // The lock is freed as the session ends; the server may take a moment to clean up.
        for _ in 0..<50 {
            if try store.tryLockNightly() { return true }
            usleep(100_000)
        }
        return false
    }

    /// Whether `pid` is a live relicensure process on this host (a reused id that now belongs to
    /// another program does not count).
    static func processRuns(_ pid: Int) -> Bool {
        guard pid > 0, kill(pid_t(pid), 0) == 0 || errno == EPERM else { return false }
        guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return true }
        return String(decoding: commandLine, as: UTF8.self).contains("relicensure")
    }
}
