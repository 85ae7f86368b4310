import Postgres
import Testing

/// An error of the caller's own, to check that `transaction` rethrows it unchanged.
private struct AwardRejected: Error, Equatable {
    let awardID: Int
}

@Suite("Transactions")
struct TransactionTests {
    private func connectionWithLedger() throws -> PostgresConnection {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE ledger (award int PRIMARY KEY)")
        return connection
    }

    private func awards(in connection: PostgresConnection) throws -> [Int] {
        try connection.query("SELECT award FROM ledger ORDER BY award").map { try $0.int(0) }
    }

    @Test("a body that returns commits its work and passes its value back")
    func commit() throws {
        let connection = try connectionWithLedger()
        let value = try connection.transaction {
            try connection.query("INSERT INTO ledger VALUES (\(1)), (\(2))").affectedRows
        }
        #expect(value == 2)
        #expect(try awards(in: connection) == [1, 2])

        // Really committed: a stray ROLLBACK now has nothing to undo.
        try connection.execute(script: "ROLLBACK")
        #expect(try awards(in: connection) == [1, 2])
    }

    @Test("a body that throws rolls back and its own error comes out")
    func rollback() throws {
        let connection = try connectionWithLedger()
        let error = try #require(throws: AwardRejected.self) {
            try connection.transaction {
                try connection.query("INSERT INTO ledger VALUES (\(1))")
                throw AwardRejected(awardID: 1)
            }
        }
        #expect(error == AwardRejected(awardID: 1))
        #expect(try awards(in: connection).isEmpty)
        // The connection is out of the transaction and takes new work.
        try connection.transaction { try connection.query("INSERT INTO ledger VALUES (\(3))") }
        #expect(try awards(in: connection) == [3])
    }

    @Test("a server error inside the body rolls back and is rethrown")
    func serverErrorRollsBack() throws {
        let connection = try connectionWithLedger()
        let error = try #require(throws: PostgresError.self) {
            try connection.transaction {
                try connection.query("INSERT INTO ledger VALUES (\(1))")
                try connection.query("INSERT INTO ledger VALUES (\(1))")
            }
        }
        #expect(error.isUniqueViolation)
        #expect(try awards(in: connection).isEmpty)
    }

    @Test("a failed statement the body swallowed still prevents the commit")
    func swallowedError() throws {
        let connection = try connectionWithLedger()
        let error = try #require(throws: PostgresError.self) {
            try connection.transaction {
                try connection.query("INSERT INTO ledger VALUES (\(1))")
                _ = try? connection.query("INSERT INTO ledger VALUES (\(1))")
            }
        }
        #expect(error.code == .transaction)
        #expect(try awards(in: connection).isEmpty)
    }

    @Test("a nested transaction is a savepoint: its failure undoes only its own work")
    func nested() throws {
        let connection = try connectionWithLedger()
        try connection.transaction {
            try connection.query("INSERT INTO ledger VALUES (\(1))")
            #expect(throws: PostgresError.self) {
                try connection.transaction {
                    try connection.query("INSERT INTO ledger VALUES (\(2))")
                    try connection.query("INSERT INTO ledger VALUES (\(1))")
                }
            }
            try connection.transaction {
                try connection.query("INSERT INTO ledger VALUES (\(3))")
            }
        }
        #expect(try awards(in: connection) == [1, 3])
    }
}
