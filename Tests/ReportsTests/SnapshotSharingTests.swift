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

    /// A district's server may give every session more memory (`work_mem`) or compile
    /// statements (JIT); the report's plans were measured at the defaults, and with more memory
    /// the planner picked a hash join that stalled the monthly report (Store.planAsMeasured).
    @Test("Plans as measured: JIT off, work_mem 4 MB and no parallel workers, on both connections, whatever the database says")
    func plannedAsMeasured() throws {
        try ScratchDatabase.with { conninfo in
            let admin = try PostgresConnection(conninfo)
            let database = try #require(try admin.query("SELECT current_database() AS db").first?.string("db"))
            try admin.query("ALTER DATABASE \(identifier: database) SET work_mem = '64MB'")
            try admin.query("ALTER DATABASE \(identifier: database) SET jit = on")
            let store = try Store(conninfo: conninfo)
            #expect(try store.connection.query("SHOW work_mem").first?.values.first == "64MB")
            try store.readingSnapshot {
                let companion = try store.sharingSnapshot()
                for connection in [store.connection, companion.connection] {
                    #expect(try connection.query("SHOW work_mem").first?.values.first == "4MB")
                    #expect(try connection.query("SHOW jit").first?.values.first == "off")
                    #expect(try connection.query("SHOW max_parallel_workers_per_gather").first?.values.first == "0")
                }
            }
        }
    }
}
