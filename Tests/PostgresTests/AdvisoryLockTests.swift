import Postgres
import Testing

@Suite("Advisory locks")
struct AdvisoryLockTests {
    /// A key no other test uses, so parallel tests do not meet.
    private let key = Int64.random(in: 1...Int64.max)

    @Test("a lock held by one session is refused to another until the holder closes")
    func releasedOnClose() async throws {
        var holder: PostgresConnection? = try TestDatabase.connect()
        let other = try TestDatabase.connect()
        #expect(try holder?.tryAdvisoryLock(key) == true)
        let refused = try !other.tryAdvisoryLock(key)
        withExtendedLifetime(holder) {}  // the holder must still be open when `other` asks
        #expect(refused)

        holder = nil  // deinit closes the session

        // The server notices the closed session a moment after the client leaves.
        var acquired = false
        for _ in 0..<100 where !acquired {
            acquired = try other.tryAdvisoryLock(key)
            if !acquired {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(acquired)
        try other.advisoryUnlock(key)
    }

    @Test("an explicit unlock hands the lock over")
    func explicitUnlock() throws {
        let first = try TestDatabase.connect()
        let second = try TestDatabase.connect()
        #expect(try first.tryAdvisoryLock(key))
        #expect(try !second.tryAdvisoryLock(key))
        try first.advisoryUnlock(key)
        #expect(try second.tryAdvisoryLock(key))
        try second.advisoryUnlock(key)
    }

    @Test("unlocking a lock this session does not hold is an error")
    func unlockNotHeld() throws {
        let connection = try TestDatabase.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.advisoryUnlock(key)
        }
        #expect(error.code == .advisoryLock)
        #expect(connection.isHealthy)
    }
}
