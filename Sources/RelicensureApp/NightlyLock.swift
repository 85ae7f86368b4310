import RelicensureStore

/// The one-run-at-a-time lock of SPEC §7, shared by every command that writes the ledger
/// (`nightly`, `correct`), so a correction never interleaves with a night's postings.
enum NightlyLock {
    /// Runs `body` holding the lock; exit 3 naming the holder (found through the server's lock
    /// table) when another run has it. The body records its run and then marks runs a killed
    /// process left `running` as abandoned: holding the lock proves they are gone.
    static func holding<T>(_ store: Store, command: String, _ body: () throws -> T) throws -> T {
        try store.nameNightlySession()
        guard try store.tryLockNightly() else {
            let holder = (try? store.nightlyLockHolder())??.description ?? "another process"
            throw AppError(.locked, "another nightly run holds the lock (\(holder)); this \(command) did nothing")
        }
        defer { try? store.unlockNightly() }
        return try body()
    }
}
