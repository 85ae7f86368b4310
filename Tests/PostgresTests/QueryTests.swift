import Foundation
import Postgres
import Testing

@Suite("Queries against the server")
struct QueryTests {
    @Test("text parameters round-trip unchanged", arguments: [
        "O'Brien'); DROP TABLE award; --",
        "Zoë Brontë 🎓 日本語",
        #"back\slash "quoted" $1 %s ? :name"#,
        "tab\tnew\nline\rreturn",
        "",
        "NULL",
    ])
    func textRoundTrip(value: String) throws {
        let connection = try TestDatabase.connect()
        let row = try #require(try connection.query("SELECT \(value)::text AS v, length(\(value)::text) AS n").first)
        #expect(row["v"] == value)
        #expect(try row.int("n") == value.unicodeScalars.count)
    }

    @Test("nil becomes SQL NULL, both interpolated and in a parameter list")
    func nullParameters() throws {
        let connection = try TestDatabase.connect()
        let missing: String? = nil
        let interpolated = try #require(try connection.query(
            "SELECT \(missing)::text IS NULL AS is_null, \(missing)::text AS v").first)
        #expect(try interpolated.bool("is_null"))
        #expect(interpolated["v"] == nil)

        let listed = try #require(try connection.query(
            "SELECT $1::text IS NULL, $2::int + 1", [nil, 41]).first)
        #expect(try listed.bool(0))
        #expect(try listed.int(1) == 42)
    }

    @Test("numbers, Booleans, decimals, UUIDs and arrays reach the server as their types")
    func typedParameters() throws {
        let connection = try TestDatabase.connect()
        let id = UUID()
        let hours = try #require(Decimal(string: "7.25"))
        let row = try #require(try connection.query("""
            SELECT \(Int64.max)::bigint AS big, \(Int32(-7))::int AS small, \(0.1)::float8 AS tenth,
                   \(Double.infinity)::float8 AS inf, \(Double.nan)::float8 AS nan,
                   \(true)::bool AS yes, \(hours)::numeric(6,2) AS hours,
                   \(id)::uuid AS id, 2 = ANY(\([1, 2, 3])::int[]) AS found,
                   \(["a,b", "c\"d", "e\\f"])::text[] AS texts
            """).first)
        #expect(try row.int64("big") == Int64.max)
        #expect(try row.int("small") == -7)
        #expect(try row.double("tenth") == 0.1)
        #expect(try row.double("inf") == .infinity)
        #expect(try row.double("nan").isNaN)
        #expect(try row.bool("yes"))
        #expect(try row.decimal("hours") == hours)
        #expect(row["id"]?.lowercased() == id.uuidString.lowercased())
        #expect(try row.bool("found"))
        #expect(row["texts"] == #"{"a,b","c\"d","e\\f"}"#)
    }

    @Test("a duplicate key is a unique violation whose description hides the row")
    func uniqueViolation() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE educator (license text CONSTRAINT educator_pkey PRIMARY KEY)")
        try connection.query("INSERT INTO educator (license) VALUES (\("L-private-123"))")
        let error = try #require(throws: PostgresError.self) {
            try connection.query("INSERT INTO educator (license) VALUES (\("L-private-123"))")
        }
        #expect(error.isUniqueViolation)
        #expect(error.code == .server)
        #expect(error.sqlState == "23505")
        #expect(error.constraint == "educator_pkey")
        #expect(error.table == "educator")
        #expect(error.detail?.contains("L-private-123") == true)
        #expect(error.description.hasPrefix("PostgreSQL error 23505: duplicate key value"))
        #expect(!error.description.contains("L-private-123"))
        #expect(connection.isHealthy)
    }

    @Test("a syntax error carries its SQLSTATE and the connection stays usable")
    func syntaxError() throws {
        let connection = try TestDatabase.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELEC 1")
        }
        #expect(error.sqlState == "42601")
        #expect(!error.isUniqueViolation)
        #expect(try connection.query("SELECT 1").first?.int(0) == 1)
    }

    @Test("affected rows, column names and subscripts")
    func resultShape() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE credit (id int, hours numeric)")
        let inserted = try connection.query("INSERT INTO credit VALUES (1, 2.5), (2, NULL), (3, 10)")
        #expect(inserted.affectedRows == 3)
        #expect(inserted.isEmpty)
        let updated = try connection.query("UPDATE credit SET hours = 1 WHERE id >= \(2)")
        #expect(updated.affectedRows == 2)

        let result = try connection.query("SELECT id, hours FROM credit ORDER BY id")
        #expect(result.columns == ["id", "hours"])
        #expect(result.count == 3)
        #expect(result.affectedRows == 3)
        #expect(result[0]["hours"] == "2.5")
        #expect(result.map { $0[0] } == ["1", "2", "3"])
    }

    @Test("a script runs several statements as one transaction")
    func script() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: """
            CREATE TEMP TABLE term (id int PRIMARY KEY);
            INSERT INTO term VALUES (1);
            INSERT INTO term VALUES (2);
            """)
        #expect(try connection.query("SELECT count(*) FROM term").first?.int(0) == 2)

        let error = try #require(throws: PostgresError.self) {
            try connection.execute(script: "INSERT INTO term VALUES (3); INSERT INTO term VALUES (1);")
        }
        #expect(error.isUniqueViolation)
        #expect(try connection.query("SELECT count(*) FROM term").first?.int(0) == 2)
    }

    @Test("COPY through query is refused and the connection stays usable")
    func copyThroughQuery() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "CREATE TEMP TABLE copied (v text)")
        let copyIn = try #require(throws: PostgresError.self) {
            try connection.query("COPY copied FROM STDIN")
        }
        #expect(copyIn.code == .copy)
        let copyOut = try #require(throws: PostgresError.self) {
            try connection.execute(script: "COPY (SELECT 1) TO STDOUT")
        }
        #expect(copyOut.code == .copy)
        #expect(try connection.query("SELECT count(*) FROM copied").first?.int(0) == 0)
    }

    @Test("a parameter holding a NUL character is refused before it is truncated")
    func nulParameter() throws {
        let connection = try TestDatabase.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELECT \("a\u{0}b")::text")
        }
        #expect(error.code == .parameter)
    }
}
