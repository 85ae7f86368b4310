import Postgres
import Testing

@Suite("Reading rows")
struct PostgresRowTests {
    let row = PostgresRow(columns: ["id", "hours", "active", "note", "id"],
                          values: ["12", "7.5", "t", nil, "99"])

    @Test("values by name and by position; the first of two equal names wins")
    func lookup() throws {
        #expect(row["id"] == "12")
        #expect(row[4] == "99")
        #expect(row["note"] == nil)
        #expect(row["missing"] == nil)
        #expect(row[17] == nil)
        #expect(row.contains(column: "note"))
        #expect(try row.int("id") == 12)
        #expect(try row.double(1) == 7.5)
        #expect(try row.bool("active"))
    }

    @Test("a NULL, missing or unconvertible value names the column but not the value")
    func decodingErrors() throws {
        let null = try #require(throws: PostgresError.self) { try row.string("note") }
        #expect(null.code == .decoding)
        #expect(null.message.contains("\"note\""))

        let missing = try #require(throws: PostgresError.self) { try row.int("missing") }
        #expect(missing.message.contains("\"missing\""))

        let notInteger = try #require(throws: PostgresError.self) { try row.int("hours") }
        #expect(notInteger.code == .decoding)
        #expect(notInteger.message.contains("\"hours\""))
        #expect(!notInteger.description.contains("7.5"))

        let notBool = try #require(throws: PostgresError.self) { try row.bool(0) }
        #expect(notBool.message.contains("\"id\""))

        let pastEnd = try #require(throws: PostgresError.self) { try row.string(9) }
        #expect(pastEnd.message.contains("#9"))
    }

    @Test("a result built by hand behaves like one from the server")
    func handMadeResult() throws {
        let result = PostgresResult(columns: ["n"], rows: [["1"], [nil]], affectedRows: 2)
        #expect(result.count == 2)
        #expect(try result[0].int("n") == 1)
        #expect(result[1]["n"] == nil)
        #expect(result.columns == ["n"])
    }

    @Test("the error description is one line with the SQLSTATE and hint, never the detail")
    func errorDescription() {
        let error = PostgresError(code: .server, message: "duplicate key value violates unique constraint \"x\"",
                                  sqlState: "23505", detail: "Key (id)=(private) already exists.",
                                  hint: nil, constraint: "x")
        #expect(error.description == "PostgreSQL error 23505: duplicate key value violates unique constraint \"x\"")
        let local = PostgresError(code: .decoding, message: "column \"n\" is NULL")
        #expect(local.description == "PostgreSQL decoding error: column \"n\" is NULL")
    }
}
