import Postgres
import Testing

/// A COPY that stays open while its rows are produced, sent from the caller's thread or from
/// one of its own (`sendingAside`), as a night's awards are staged while its files are read.
@Suite("COPY kept open, sent aside")
struct CopyStreamTests {
    private func connectionWithTable() throws -> PostgresConnection {
        let connection = try TestDatabase.connect()
        // `arrival` numbers the rows in the order the server stored them.
        try connection.execute(script: "CREATE TEMP TABLE evidence (id int PRIMARY KEY, note text, arrival bigserial)")
        return connection
    }

    private func rowCount(_ connection: PostgresConnection) throws -> Int {
        try #require(try connection.query("SELECT count(*) FROM evidence").first).int(0)
    }

    /// Enough rows to fill the sender's queue (64 chunks of 64 KiB) several times over, so the
    /// producer waits for the sender and the sender for the server.
    private static let manyRows = 120_000
    private static func row(_ id: Int) -> [String?] {
        [String(id), "note \(id) " + String(repeating: "x", count: 100)]
    }

    @Test("Every row arrives, in order, both ways", arguments: [false, true])
    func everyRowArrives(sendingAside: Bool) throws {
        let connection = try connectionWithTable()
        let stream = try connection.openCopyIn("COPY evidence (id, note) FROM STDIN", sendingAside: sendingAside)
        for id in 1...Self.manyRows { try stream.write(Self.row(id)) }
        #expect(try stream.finish() == Self.manyRows)
        let summary = try #require(try connection.query(
            "SELECT count(*), sum(id)::bigint, max(length(note)) FROM evidence").first)
        #expect(try summary.int(0) == Self.manyRows)
        #expect(try summary.int(1) == Self.manyRows * (Self.manyRows + 1) / 2)
        #expect(try connection.query("SELECT count(*) FROM evidence WHERE arrival <> id").first?.int(0) == 0)
        #expect(connection.isHealthy)
        // The connection is free again.
        #expect(try connection.copyIn("COPY evidence (id) FROM STDIN", rows: [["0"]]) == 1)
    }

    @Test("A rejected row stores nothing, and the error comes from finish", arguments: [false, true])
    func rejectedRow(sendingAside: Bool) throws {
        let connection = try connectionWithTable()
        let stream = try connection.openCopyIn("COPY evidence (id, note) FROM STDIN", sendingAside: sendingAside)
        for id in 1...Self.manyRows { try stream.write(Self.row(id == 90_000 ? 17 : id)) }
        let error = try #require(throws: PostgresError.self) { try stream.finish() }
        #expect(error.isUniqueViolation)
        #expect(connection.isHealthy)
        #expect(try rowCount(connection) == 0)
    }

    @Test("Cancelled, or let go without finishing, it stores nothing and frees the connection",
          arguments: [false, true])
    func cancelled(sendingAside: Bool) throws {
        let connection = try connectionWithTable()
        let stream = try connection.openCopyIn("COPY evidence (id, note) FROM STDIN", sendingAside: sendingAside)
        for id in 1...Self.manyRows { try stream.write(Self.row(id)) }
        #expect(connection.isBusy)
        stream.cancel()
        // Ended by the cancel itself, not by the next statement (libpq would end it too).
        #expect(!connection.isBusy)
        #expect(throws: PostgresError.self) { try stream.write(Self.row(0)) }
        #expect(try rowCount(connection) == 0)
        do {
            let abandoned = try connection.openCopyIn("COPY evidence (id, note) FROM STDIN", sendingAside: sendingAside)
            for id in 1...1_000 { try abandoned.write(Self.row(id)) }
        }
        #expect(!connection.isBusy)
        #expect(try rowCount(connection) == 0)
        #expect(connection.isHealthy)
    }
}

extension CopyStreamTests {
    @Test("When the server goes away mid-stream, the rows sent aside fail loudly, without hanging")
    func serverGoneWhileSendingAside() throws {
        let connection = try connectionWithTable()
        let pid = try #require(try connection.query("SELECT pg_backend_pid()").first).int(0)
        let stream = try connection.openCopyIn("COPY evidence (id, note) FROM STDIN", sendingAside: true)
        for id in 1...1_000 { try stream.write(Self.row(id)) }
        let other = try TestDatabase.connect()
        try other.query("SELECT pg_terminate_backend($1::integer)", [pid])
        // The sender fails on its next chunk; the producer learns it at a write or at finish.
        #expect(throws: PostgresError.self) {
            for id in 1_001...Self.manyRows { try stream.write(Self.row(id)) }
            try stream.finish()
        }
        #expect(!connection.isHealthy)
    }
}

/// Work run aside on a connection: the owner goes on, and its next statement waits for it.
@Suite("Work run aside on a connection")
struct RunAsideTests {
    @Test("Statements run in the order they were asked for, aside or not")
    func inOrder() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE steps (n serial, what text)")
        for batch in 1...20 {
            try connection.runAside { aside in
                // pg_sleep makes the owner's next statement come while this one still runs.
                try aside.query("SELECT pg_sleep(0.005)")
                try aside.query("INSERT INTO steps (what) VALUES ($1)", ["aside \(batch)"])
            }
            try connection.query("INSERT INTO steps (what) VALUES ($1)", ["owner \(batch)"])
        }
        let steps = try connection.query("SELECT what FROM steps ORDER BY n").map { try $0.string(0) }
        #expect(steps == (1...20).flatMap { ["aside \($0)", "owner \($0)"] })
    }

    @Test("Its error comes out of the owner's next call, once, and a transaction rolls back")
    func errorComesOut() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE kept (id int PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try connection.transaction {
                try connection.query("INSERT INTO kept VALUES (1)")
                try connection.runAside { aside in try aside.query("INSERT INTO kept VALUES (1)") }
                try connection.query("INSERT INTO kept VALUES (2)")
            }
        }
        #expect(error.isUniqueViolation)
        #expect(try connection.query("SELECT count(*) FROM kept").first?.int(0) == 0)

        // Left running at the end of a transaction's body, it is awaited before the commit.
        let failed = try #require(throws: PostgresError.self) {
            try connection.transaction {
                try connection.query("INSERT INTO kept VALUES (3)")
                try connection.runAside { aside in try aside.query("INSERT INTO kept VALUES (3)") }
            }
        }
        #expect(failed.isUniqueViolation)
        try connection.transaction {
            try connection.runAside { aside in try aside.query("INSERT INTO kept VALUES (4)") }
        }
        #expect(try connection.query("SELECT array_agg(id)::text FROM kept").first?.string(0) == "{4}")
        #expect(connection.isHealthy)
    }

    @Test("A try? call cannot lose its error: every later statement throws it until the rollback")
    func errorIsKeptUntilRollback() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE kept (id int PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try connection.transaction {
                try connection.runAside { aside in try aside.query("INSERT INTO kept VALUES ('x'::int)") }
                _ = try? connection.query("CLOSE no_such_cursor")
                try connection.awaitAside()
            }
        }
        #expect(error.sqlState == "22P02")
        // Rolled back, the connection is clean again.
        #expect(try connection.query("SELECT 1 AS one").first?.int(0) == 1)
    }

    @Test("Asking whether the connection is healthy waits for work aside but leaves its error to the next call")
    func healthLeavesTheError() throws {
        let connection = try TestDatabase.connect()
        try connection.runAside { aside in try aside.query("SELECT 'x'::int") }
        #expect(connection.isHealthy)
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        // Outside a transaction block, once.
        #expect(try connection.query("SELECT 1 AS one").first?.int(0) == 1)
    }

    @Test("Work aside is refused from work aside, and while a COPY is open")
    func refusedWhenTheConnectionIsNotFree() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE kept (id int PRIMARY KEY)")
        try connection.runAside { aside in
            try aside.runAside { inner in try inner.query("INSERT INTO kept VALUES (1)") }
        }
        #expect(throws: PostgresError.self) { try connection.awaitAside() }
        // Outside a transaction block the error is thrown once.
        let stream = try connection.openCopyIn("COPY kept (id) FROM STDIN")
        try stream.write(["2"])
        #expect(throws: PostgresError.self) {
            try connection.runAside { aside in try aside.query("SELECT 1") }
        }
        #expect(try stream.finish() == 1)
    }
}
