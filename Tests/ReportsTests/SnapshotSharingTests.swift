import Postgres
import RelicensureStore
import Testing

@Suite("A second connection sharing the report's snapshot")
struct SnapshotSharingTests {
    @Test("Sees what the report's transaction sees, not what was committed since")
    func sameSnapshot() throws {
        try ScratchDatabase.with { conninfo in
            let writer = try PostgresConnection(conninfo)
            try writer.execute(script: "CREATE TABLE entries (n int); INSERT INTO entries VALUES (1), (2)")
            let store = try Store(conninfo: conninfo)
            let count = "SELECT count(*) AS n FROM entries"
            try store.readingSnapshot {
                let companion = try store.sharingSnapshot()
                try writer.query("INSERT INTO entries VALUES (\(3))")
                #expect(try store.connection.query(PostgresQuery(sql: count)).first?.int("n") == 2)
                #expect(try companion.connection.query(PostgresQuery(sql: count)).first?.int("n") == 2)
                #expect(try writer.query(PostgresQuery(sql: count)).first?.int("n") == 3)
                // Read only, as the report's own transaction is.
                #expect(throws: PostgresError.self) {
                    try companion.connection.query("INSERT INTO entries VALUES (\(4))")
                }
            }
        }
    }
}
