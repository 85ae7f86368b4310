extension PostgresConnection {
    /// Takes the session-level advisory lock `key` if no other session holds it.
    ///
    /// The lock lasts until ``advisoryUnlock(_:)`` or until the connection closes, so a crashed
    /// job never leaves it behind.
    /// - Returns: `true` if this session now holds the lock, `false` if another session does.
    public func tryAdvisoryLock(_ key: Int64) throws -> Bool {
        try singleBool(query("SELECT pg_try_advisory_lock(\(key)::bigint)"))
    }

    /// Releases the advisory lock `key` taken with ``tryAdvisoryLock(_:)``.
    ///
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/advisoryLock`` if this session
    ///   did not hold the lock.
    public func advisoryUnlock(_ key: Int64) throws {
        guard try singleBool(query("SELECT pg_advisory_unlock(\(key)::bigint)")) else {
            throw PostgresError(code: .advisoryLock,
                                message: "advisory lock \(key) is not held by this session")
        }
    }

    private func singleBool(_ result: PostgresResult) throws -> Bool {
        guard let row = result.first else {
            throw PostgresError(code: .decoding, message: "the server returned no row")
        }
        return try row.bool(0)
    }
}
