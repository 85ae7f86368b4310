import CLibPQ

extension PostgresConnection {
    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    ///
    /// The error `body` threw is rethrown unchanged. Called inside another transaction, `body`
    /// runs in a savepoint, so only its own work is undone when it throws.
    ///
    /// - Throws: `body`'s error; a ``PostgresError`` from `BEGIN` or `COMMIT`; or code
    ///   ``PostgresError/Code/transaction`` when a statement in `body` failed but `body` caught
    ///   the error and returned (the server has then discarded the work, so it cannot commit).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try awaitAside()
        let status = PQtransactionStatus(handle)
        if status == PQTRANS_IDLE {
            return try run(body, begin: "BEGIN", commit: "COMMIT", rollback: "ROLLBACK")
        }
        if status == PQTRANS_INTRANS {
            return try run(body,
                           begin: "SAVEPOINT postgres_nested_transaction",
                           commit: "RELEASE SAVEPOINT postgres_nested_transaction",
                           rollback: """
                               ROLLBACK TO SAVEPOINT postgres_nested_transaction;
                               RELEASE SAVEPOINT postgres_nested_transaction
                               """)
        }
        if status == PQTRANS_INERROR {
            throw PostgresError(code: .transaction,
                                message: "cannot start a transaction inside one that has already failed")
        }
        throw PostgresError(code: .transaction,
                            message: "cannot start a transaction: the connection is busy or broken")
    }

    private func run<T>(_ body: () throws -> T, begin: String, commit: String,
                        rollback: String) throws -> T {
        try execute(script: begin)
        let value: T
        do {
            value = try body()
            // Work `body` left running aside is part of the transaction.
            try awaitAside()
        } catch {
            // The original error matters more than a failed rollback (e.g. a lost connection,
            // which ends the transaction anyway). A failure of work aside is that error, or
            // came of it: the rollback ends what it spoiled.
            discardAside()
            try? execute(script: rollback)
            throw error
        }
        guard PQtransactionStatus(handle) != PQTRANS_INERROR else {
            discardAside()
            try? execute(script: rollback)
            throw PostgresError(code: .transaction,
                                message: "a statement in the transaction failed, so its work was rolled back")
        }
        try execute(script: commit)
        return value
    }
}
