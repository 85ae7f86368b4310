import Postgres
import Testing

@Suite("Connecting")
struct ConnectionTests {
    @Test("a new connection is healthy and speaks UTF-8")
    func connects() throws {
        let connection = try TestDatabase.connect()
        #expect(connection.isHealthy)
        let encoding = try connection.query("SHOW client_encoding").first?.string(0)
        #expect(encoding == "UTF8")
    }

    @Test("a missing database reports the server's message and never the password")
    func missingDatabase() throws {
        let database = "relicensure_missing_\(UInt32.random(in: 0...UInt32.max))"
        let conninfo = TestDatabase.connectionString(database: database, password: "secret")
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(conninfo)
        }
        #expect(error.code == .connection)
        // A server that asks for a password rejects "secret" before it looks for the database.
        #expect(error.message.contains(database) || error.message.contains("authentication"),
                "unexpected message: \(error.message)")
        #expect(!error.description.contains("secret"))
        #expect(!error.message.contains("secret"))
    }

    @Test("a malformed connection string holding a password does not echo it")
    func malformedWithPassword() throws {
        // libpq's own message would quote the bad token, password included.
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection("postgresql://someone:sec%zzret@/nowhere")
        }
        #expect(error.code == .connection)
        #expect(!error.description.contains("zzret"))
    }

    @Test("a malformed connection string without a password keeps libpq's message")
    func malformedWithoutPassword() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection("dbname='unterminated")
        }
        #expect(error.code == .connection)
        #expect(error.message.contains("unterminated quoted string"))
    }

    @Test("a statement that raises a NOTICE succeeds")
    func notices() throws {
        let connection = try TestDatabase.connect()
        try connection.execute(script: "DROP TABLE IF EXISTS pg_temp.no_such_table_for_notice")
        #expect(connection.isHealthy)
    }

    @Test("a session the server ended reports a connection error and is no longer healthy")
    func terminated() throws {
        let victim = try TestDatabase.connect()
        let pid = try #require(try victim.query("SELECT pg_backend_pid()").first).int(0)
        let killer = try TestDatabase.connect()
        #expect(try killer.query("SELECT pg_terminate_backend(\(pid)::int, 5000)").first?.bool(0) == true)
        let error = try #require(throws: PostgresError.self) {
            try victim.query("SELECT 1")
        }
        #expect(!victim.isHealthy)
        #expect(error.code == .connection, "unexpected error: \(error)")
    }
}
