import Foundation
import Postgres
import RelicensureApp
import RelicensureStore
import TemporaryFolders
import Testing

@Suite("Migrations and the ledger's guarantees (SPEC §7)")
struct MigrationTests {
    @Test("migrate applies every file once; a second run applies nothing")
    func appliesOnce() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            let session = try workspace.session()
            let first = try Migrate.run(session: session)
            #expect(first.contains("001_initial.sql"))
            #expect(try Migrate.run(session: session).isEmpty)
            let store = try Store(conninfo: database.conninfo)
            let tables = try store.connection.query("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
                """).compactMap { $0["table_name"] }
            for table in ["educators", "educator_emails", "awards", "source_files", "award_outcomes", "ledger_entries",
                          "approvals", "runs", "pdms_batches", "pdms_batch_entries", "catalog_documents", "schema_migrations"] {
                #expect(tables.contains(table), "missing table \(table)")
            }
        }
    }

    /// sql/014 moves the day a future-dated award falls due onto its outcome; a ledger that
    /// already holds future-dated outcomes must keep finding them when their day comes.
    @Test("014 gives the future-dated outcomes already stored their award's date, and only them")
    func futureDatedOutcomesGetTheirDay() throws {
        try withTestDatabase { database in
            let store = try Store(conninfo: database.conninfo)
            let all = try Self.migrate(store, before: 14)
            for (id, day, outcome) in [("a-future", "2027-02-01", "future_dated"), ("a-waiting", "2026-01-05", "pending_approval"),
                                       ("a-credited", "2025-03-04", "credited")] {
                try store.connection.query("""
                    INSERT INTO awards (award_id, source, source_sha256, source_path, first_seen_on, award_date)
                    VALUES (\(id), 'inbox', 'x', 'inbox/x.json', '2026-11-20', \(day)::date)
                    """)
                try store.connection.query("""
                    INSERT INTO award_outcomes (award_id, outcome, evaluated_on) VALUES (\(id), \(outcome), '2026-11-20')
                    """)
            }
            #expect(try all.apply(to: store).contains("014_future_dated_due_on.sql"))
            let days = try store.connection.query("SELECT award_id, due_on::text AS due FROM award_outcomes ORDER BY 1")
                .map { [$0["award_id"], $0["due"]] }
            #expect(days == [["a-credited", nil], ["a-future", "2027-02-01"], ["a-waiting", nil]])
            // A writer that forgets the day is refused rather than leaving the award waiting for ever.
            #expect(throws: (any Error).self) {
                try store.connection.query("UPDATE award_outcomes SET outcome = 'future_dated' WHERE award_id = 'a-waiting'")
            }
        }
    }

    /// sql/020 keeps the entries no PDMS batch has taken; a ledger that already has batches
    /// must start with exactly the entries none of them holds.
    @Test("020 starts the entries waiting for a PDMS batch with those no batch took, and only them")
    func unexportedEntriesStartRight() throws {
        try withTestDatabase { database in
            let store = try Store(conninfo: database.conninfo)
            let all = try Self.migrate(store, before: 20)
            try store.connection.execute(script: """
                INSERT INTO awards (award_id, source, source_sha256, source_path, first_seen_on)
                SELECT 'a' || n, 'inbox', 'x', 'f', '2026-11-20' FROM generate_series(1, 3) n;
                INSERT INTO ledger_entries (entry_id, award_id, educator_id, action, hours, credit_type, badge_id, issuer_id,
                                            award_date, posted_on, reason)
                SELECT n, 'a' || n, 'e1', 'ADD', 10, 'DDOE micro-credential', 'b' || n, 'i', '2026-10-01', '2026-11-20', 'credited'
                FROM generate_series(1, 3) n;
                INSERT INTO pdms_batches (batch_id, as_of, file_name, columns, row_count)
                VALUES (1, '2026-11-20', 'pdms-import-2026-11-20-1.csv', '[]', 2);
                INSERT INTO pdms_batch_entries (batch_id, entry_id, row_number, cells) VALUES (1, 1, 1, '[]'), (1, 3, 2, '[]');
                """)
            #expect(try all.apply(to: store).first == "020_pdms_unexported.sql")
            let waiting = { try store.connection.query("SELECT entry_id FROM pdms_unexported ORDER BY 1").map { $0[0] } }
            #expect(try waiting() == ["2"])
            // Written by hand afterwards, a ledger entry waits too; a batch taking it ends the wait.
            try store.connection.execute(script: """
                INSERT INTO awards (award_id, source, source_sha256, source_path, first_seen_on) VALUES ('a4', 'inbox', 'x', 'f', '2026-11-21');
                INSERT INTO ledger_entries (entry_id, award_id, educator_id, action, hours, credit_type, badge_id, issuer_id,
                                            award_date, posted_on, reason)
                VALUES (4, 'a4', 'e1', 'ADD', 10, 'DDOE micro-credential', 'b4', 'i', '2026-10-01', '2026-11-21', 'credited');
                """)
            #expect(try waiting() == ["2", "4"])
            try store.connection.execute(script: "INSERT INTO pdms_batch_entries (batch_id, entry_id, row_number, cells) VALUES (1, 2, 3, '[]')")
            #expect(try waiting() == ["4"])
            try store.connection.execute(script: "UPDATE pdms_batch_entries SET entry_id = 4 WHERE entry_id = 1")
            #expect(try waiting() == ["1"])
            try store.connection.execute(script: "TRUNCATE pdms_batch_entries")
            #expect(try waiting() == ["1", "2", "3", "4"])
            // A ledger emptied by hand leaves nothing waiting that no batch could take.
            try store.connection.execute(script: "TRUNCATE ledger_entries CASCADE")
            #expect(try waiting().isEmpty)
        }
    }

    /// Applies the migrations older than `version`, as a database made before it; returns them all.
    static func migrate(_ store: Store, before version: Int) throws -> Migrator {
        let all = try Migrator.embedded()
        try Migrator(files: all.migrations.filter { $0.version < version }.map { ($0.name, Data($0.sql.utf8)) }).apply(to: store)
        return all
    }

    @Test("A migration changed after it was applied is an error, not a silent re-run")
    func changedMigration() throws {
        try withTestDatabase { database in
            let folder = try TemporaryFolder(prefix: "mig")
            let file = folder.url.appendingPathComponent("001_first.sql")
            try Data("CREATE TABLE one (id int);".utf8).write(to: file)
            let store = try Store(conninfo: database.conninfo)
            #expect(try Migrator(folder: folder.url).apply(to: store) == ["001_first.sql"])
            try Data("CREATE TABLE one (id bigint);".utf8).write(to: file)
            #expect(throws: StoreError.self) { try Migrator(folder: folder.url).apply(to: store) }
            do {
                try Migrator(folder: folder.url).apply(to: store)
            } catch {
                #expect("\(error)".contains("001_first.sql was changed after it was applied"))
            }
        }
    }

    @Test("Commands refuse to run on a database that is not migrated, and say what to do")
    func requiresMigration() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            #expect {
                try workspace.session().openStore()
            } throws: { error in
                "\(error)".contains("relicensure migrate")
            }
        }
    }

    @Test("Commands refuse a database migrated by a newer relicensure, and say so, before any work")
    func refusesNewerSchema() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            _ = try workspace.session().openStore()
            let connection = try PostgresConnection(database.conninfo)
            try connection.execute(script: """
                INSERT INTO schema_migrations (version, name, checksum) VALUES (998, '998_later.sql', 'x'), (999, '999_later.sql', 'y')
                """)
            #expect {
                try workspace.session().openStore()
            } throws: { error in
                "\(error)".contains("migrated by a newer relicensure (migration 998, 999 is unknown to this one)")
            }
        }
    }

    @Test("The ledger is append-only and no award is credited twice")
    func ledgerGuarantees() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            let connection = try PostgresConnection(database.conninfo)
            try connection.execute(script: """
                INSERT INTO awards (award_id, source, source_sha256, source_path, first_seen_on)
                VALUES ('a1', 'inbox', 'x', 'f', '2026-11-20');
                INSERT INTO ledger_entries (award_id, educator_id, action, hours, credit_type, badge_id, issuer_id,
                                            award_date, posted_on, reason)
                VALUES ('a1', 'e1', 'ADD', 10, 'DDOE micro-credential', 'b', 'i', '2026-10-01', '2026-11-20', 'credited');
                """)
            #expect { try connection.query("UPDATE ledger_entries SET hours = 20") } throws: { error in
                "\(error)".contains("append-only")
            }
            #expect { try connection.query("DELETE FROM ledger_entries") } throws: { error in
                "\(error)".contains("append-only")
            }
            #expect {
                try connection.query("""
                    INSERT INTO ledger_entries (award_id, educator_id, action, hours, credit_type, badge_id, issuer_id,
                                                award_date, posted_on, reason)
                    VALUES ('a1', 'e1', 'ADD', 10, 'DDOE micro-credential', 'b', 'i', '2026-10-01', '2026-11-21', 'credited')
                    """)
            } throws: { error in
                (error as? PostgresError)?.sqlState == "23505"
            }
            #expect { try connection.query("INSERT INTO ledger_entries (award_id, educator_id, action, hours, credit_type, badge_id, issuer_id, award_date, posted_on, reason) VALUES ('a1', 'e1', 'REVERSE', -5, 't', 'b', 'i', '2026-10-01', '2026-11-21', 'x')") } throws: { error in
                (error as? PostgresError)?.sqlState == "23514"
            }
        }
    }
}
