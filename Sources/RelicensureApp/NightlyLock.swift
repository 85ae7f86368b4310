import RelicensureStore

/// The one-run-at-a-time lock of SPEC §7, shared by every command that writes the ledger
/// (`nightly`, `correct`), so a correction never interleaves with a night's postings.
enum NightlyLock {
    /// Runs `body` holding the lock; exit 3 naming the holder when another run has it. Runs a
    /// killed process left `running` are marked abandoned first: holding the lock proves they
    /// are gone.
    static func holding<T>(_ store: Store, command: String, _ body: () throws -> T) throws -> T {
        guard try store.tryLockNightly() else {
            let holder = try? store.runningRun()
            let who = holder.map { "run \($0.id) (\($0.command)), process \($0.pid.map(String.init) ?? "?") on \($0.host ?? "?"), started \($0.startedAt)" }
                ?? "another process"
            throw AppError(.locked, "another run holds the lock (\(who)); this \(command) did nothing")
        }
        defer { try? store.unlockNightly() }
        try store.markAbandonedRuns()
        return try body()
    }
}
