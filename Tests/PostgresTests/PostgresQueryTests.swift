import Postgres
import Testing

@Suite("Building queries")
struct PostgresQueryTests {
    @Test("interpolated values become numbered placeholders")
    func placeholders() {
        let id = 42
        let issuer = "Delaware DOE"
        let note: String? = nil
        let query: PostgresQuery = "SELECT * FROM award WHERE id = \(id) AND issuer = \(issuer) AND note = \(note)"
        #expect(query.sql == "SELECT * FROM award WHERE id = $1 AND issuer = $2 AND note = $3")
        #expect(query.parameters == ["42", "Delaware DOE", nil])
    }

    @Test("a plain literal has no parameters")
    func literal() {
        let query: PostgresQuery = "SELECT 1"
        #expect(query.sql == "SELECT 1")
        #expect(query.parameters.isEmpty)
    }

    @Test("unescaped fragments and identifiers are pasted, not bound")
    func fragments() {
        let table = "award"
        let schema = #"test "odd" schema"#
        let query: PostgresQuery = "SELECT * FROM \(identifier: schema).\(unescaped: table) WHERE x = \(true)"
        #expect(query.sql == #"SELECT * FROM "test ""odd"" schema".award WHERE x = $1"#)
        #expect(query.parameters == ["true"])
    }

    @Test("existential values are bound too")
    func existentials() {
        let values: [(any PostgresEncodable)?] = [1, "two", nil]
        let query: PostgresQuery = "SELECT \(values[0]), \(values[1]), \(values[2])"
        #expect(query.sql == "SELECT $1, $2, $3")
        #expect(query.parameters == ["1", "two", nil])
    }

    @Test("the description shows the SQL but never the values")
    func description() {
        let query: PostgresQuery = "SELECT \("private@example.org")"
        #expect(String(describing: query) == "SELECT $1")
    }

    @Test("values are spelled the way PostgreSQL reads them")
    func textForms() {
        #expect(true.postgresText == "true")
        #expect(false.postgresText == "false")
        #expect(Double.nan.postgresText == "NaN")
        #expect((-Double.infinity).postgresText == "-Infinity")
        #expect(7.5.postgresText == "7.5")
        #expect(Int32.min.postgresText == "-2147483648")
        #expect(["a", "b\"c", #"d\e"#].postgresText == #"{"a","b\"c","d\\e"}"#)
        #expect([Int]().postgresText == "{}")
    }
}
