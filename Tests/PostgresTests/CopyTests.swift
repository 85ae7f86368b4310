import Postgres
import Testing

/// Thrown by a row producer halfway through a COPY.
private struct BadgeUnreadable: Error, Equatable {}

@Suite("COPY FROM STDIN")
struct CopyTests {
    private func connectionWithTable() throws -> PostgresConnection {
        let connection = try TestDatabase.connect()
        try connection.execute(script: """
            CREATE TEMP TABLE evidence (id int PRIMARY KEY, note text, hours numeric CHECK (hours >= 0))
            """)
        return connection
    }

    private func rowCount(_ connection: PostgresConnection) throws -> Int {
        try #require(try connection.query("SELECT count(*) FROM evidence").first).int(0)
    }

    @Test("10,000 rows arrive, in several chunks")
    func tenThousandRows() throws {
        let connection = try connectionWithTable()
        let rows = (1...10_000).lazy.map { id -> [String?] in
            [String(id), "note number \(id) with some padding to cross the chunk size", id % 7 == 0 ? nil : "1.5"]
        }
        let copied = try connection.copyIn("COPY evidence (id, note, hours) FROM STDIN", rows: rows)
        #expect(copied == 10_000)
        let summary = try #require(try connection.query(
            "SELECT count(*), sum(id), count(hours), max(note) FROM evidence").first)
        #expect(try summary.int(0) == 10_000)
        #expect(try summary.int(1) == 50_005_000)
        #expect(try summary.int(2) == 10_000 - 10_000 / 7)
        #expect(connection.isHealthy)
    }

    @Test("tabs, newlines, backslashes and the NULL marker survive")
    func escaping() throws {
        let connection = try connectionWithTable()
        let notes: [String?] = [
            "tab\there", "line\nbreak", "carriage\rreturn", "windows\r\nline", #"back\slash"#,
            #"\N"#, #"\."#, "\\", "", nil, "Zoë 🎓 \u{7F}", "trailing\\",
            "\t\\\n\r", "\\\\", "\nleading", String(repeating: "run\\", count: 3_000) + "\tend",
        ]
        let rows = notes.enumerated().map { [String($0.offset), $0.element, "0"] }
        try connection.copyIn("COPY evidence (id, note, hours) FROM STDIN", rows: rows)
        let stored = try connection.query("SELECT note FROM evidence ORDER BY id").map { $0[0] }
        #expect(stored == notes)
    }

    @Test("a row that breaks a constraint midway stores nothing and leaves the connection usable")
    func constraintViolation() throws {
        let connection = try connectionWithTable()
        let rows = (1...5_000).map { id -> [String?] in
            [String(id == 4_000 ? 17 : id), "note", "1"]
        }
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY evidence (id, note, hours) FROM STDIN", rows: rows)
        }
        #expect(error.isUniqueViolation)
        #expect(connection.isHealthy)
        #expect(try rowCount(connection) == 0)

        let check = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY evidence (id, note, hours) FROM STDIN",
                                  rows: [["1", "fine", "1"], ["2", "negative", "-1"]])
        }
        #expect(check.sqlState == "23514")
        #expect(try rowCount(connection) == 0)
    }

    @Test("a producer that throws midway cancels the COPY and its error comes out")
    func producerThrows() throws {
        let connection = try connectionWithTable()
        let error = try #require(throws: BadgeUnreadable.self) {
            try connection.copyIn("COPY evidence (id, note, hours) FROM STDIN") { write in
                for id in 1...20_000 {
                    if id == 15_000 {
                        throw BadgeUnreadable()
                    }
                    try write([String(id), "note", "1"])
                }
            }
        }
        #expect(error == BadgeUnreadable())
        #expect(connection.isHealthy)
        #expect(try rowCount(connection) == 0)
        // And the next COPY works.
        #expect(try connection.copyIn("COPY evidence (id) FROM STDIN", rows: [["1"]]) == 1)
        #expect(try rowCount(connection) == 1)
    }

    @Test("rows with the wrong number of fields are rejected by the server")
    func wrongFieldCount() throws {
        let connection = try connectionWithTable()
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY evidence (id, note) FROM STDIN", rows: [["1", "a", "extra"]])
        }
        #expect(error.sqlState == "22P04")
        #expect(try rowCount(connection) == 0)
    }

    @Test("a statement that is not COPY FROM STDIN is refused")
    func notCopy() throws {
        let connection = try connectionWithTable()
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("SELECT 1", rows: [["1"]])
        }
        #expect(error.code == .copy)
        let outgoing = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY evidence TO STDOUT", rows: [["1"]])
        }
        #expect(outgoing.code == .copy)
        let broken = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY no_such_table FROM STDIN", rows: [["1"]])
        }
        #expect(broken.sqlState == "42P01")
        #expect(try rowCount(connection) == 0)
    }

    @Test("a COPY inside a transaction rolls back with it")
    func insideTransaction() throws {
        let connection = try connectionWithTable()
        #expect(throws: BadgeUnreadable.self) {
            try connection.transaction {
                try connection.copyIn("COPY evidence (id) FROM STDIN", rows: [["1"], ["2"]])
                throw BadgeUnreadable()
            }
        }
        #expect(try rowCount(connection) == 0)
    }
}
