import Postgres
import Testing

@Suite("Cursors read a batch ahead")
struct CursorTests {
    /// Every batch of `1 ... count` read through a cursor in batches of `batchSize`.
    private func batches(count: Int, batchSize: Int) throws -> [[Int]] {
        let connection = try TestDatabase.connect()
        return try connection.transaction {
            let cursor = try PostgresCursor("SELECT n FROM generate_series(1, \(count)) AS n ORDER BY n",
                                            named: "numbers", batchSize: batchSize, on: connection)
            var batches: [[Int]] = []
            while let rows = try cursor.next() { batches.append(try rows.map { try $0.int(0) }) }
            #expect(try cursor.next() == nil)
            return batches
        }
    }

    @Test("every row once, in order, in full batches and a last short one", arguments: [0, 1, 4, 5, 6, 23])
    func everyRowOnce(count: Int) throws {
        let batches = try batches(count: count, batchSize: 5)
        #expect(Array(batches.joined()) == (0..<count).map { $0 + 1 })
        #expect(batches.dropLast().allSatisfy { $0.count == 5 })
        #expect(batches.allSatisfy { !$0.isEmpty })
    }

    @Test("a cursor let go before its end leaves the connection usable")
    func abandoned() throws {
        let connection = try TestDatabase.connect()
        try connection.transaction {
            let cursor = try PostgresCursor("SELECT n FROM generate_series(1, 100) AS n", named: "numbers",
                                            batchSize: 10, on: connection)
            #expect(try cursor.next()?.count == 10)
        }
        #expect(try connection.query("SELECT 42 AS answer").first?.int("answer") == 42)
    }

    @Test("a query that fails in a later batch throws there, and the transaction rolls back")
    func failsLater() throws {
        let connection = try TestDatabase.connect()
        var read: [Int] = []
        #expect(throws: PostgresError.self) {
            try connection.transaction {
                let cursor = try PostgresCursor("SELECT 100 / (7 - n) AS q FROM generate_series(1, 10) AS n",
                                                named: "quotients", batchSize: 3, on: connection)
                while let rows = try cursor.next() { read += try rows.map { try $0.int(0) } }
            }
        }
        #expect(read == [16, 20, 25, 33, 50, 100])
        #expect(try connection.query("SELECT 1 AS one").first?.int("one") == 1)
    }

    @Test("a cursor name that is not a plain name is refused before it reaches SQL")
    func badName() throws {
        let connection = try TestDatabase.connect()
        try connection.transaction {
            #expect(throws: PostgresError.self) {
                _ = try PostgresCursor("SELECT 1", named: "x; DROP TABLE y", batchSize: 1, on: connection)
            }
        }
    }
}
