public import Foundation
import OpenBadges
import Postgres

/// Applies `sql/NNN_name.sql` in order, each once, recorded with its checksum (SPEC §7).
public struct Migrator {
    /// One migration file.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
        public let checksum: String
    }

    public let migrations: [Migration]

    /// Migrations from a folder of `NNN_name.sql` files.
    public init(folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        var migrations: [Migration] = []
        for name in names {
            guard let prefix = name.split(separator: "_").first, let version = Int(prefix) else {
                throw StoreError("migration file \(name) must be named NNN_name.sql")
            }
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            guard let sql = String(data: data, encoding: .utf8) else {
                throw StoreError("migration file \(name) is not UTF-8 text")
            }
            migrations.append(Migration(version: version, name: name, sql: sql, checksum: ContentHash.sha256Hex(data)))
        }
        guard Set(migrations.map(\.version)).count == migrations.count else {
            throw StoreError("two migration files in \(folder.path) share a number")
        }
        self.migrations = migrations
    }

    /// The migrations of this installation: `$RELICENSURE_SQL_DIR`, else the `sql/` folder of
    /// the checkout or install prefix the executable sits in (searched upwards from it), else
    /// `./sql`.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Migrator {
        try Migrator(folder: locateFolder(environment: environment))
    }

    static func locateFolder(environment: [String: String]) throws -> URL {
        let fileManager = FileManager.default
        func holdsMigrations(_ url: URL) -> Bool {
            let names = (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []
            return names.contains { $0.hasPrefix("001_") && $0.hasSuffix(".sql") }
        }
        if let configured = environment["RELICENSURE_SQL_DIR"] {
            let url = URL(fileURLWithPath: configured)
            guard holdsMigrations(url) else {
                throw StoreError("RELICENSURE_SQL_DIR is \(configured), which holds no 001_*.sql migration")
            }
            return url
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [folder.appendingPathComponent("sql"), folder.appendingPathComponent("share/relicensure/sql")]
            where holdsMigrations(candidate) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("sql")
        if holdsMigrations(local) { return local }
        throw StoreError("cannot find the sql/ migrations folder beside the relicensure executable; set RELICENSURE_SQL_DIR to it")
    }

    /// Applies what is not applied yet; returns the names applied. A changed applied file is an error.
    @discardableResult
    public func apply(to store: Store) throws -> [String] {
        let connection = store.connection
        // Two migrators at once must not both apply a file: serialise on an advisory lock.
        try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try connection.execute(script: """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let applied = try appliedChecksums(connection)
        var done: [String] = []
        for migration in migrations {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else {
                    throw StoreError("migration \(migration.name) was changed after it was applied (checksum \(checksum.prefix(12)) in the database, \(migration.checksum.prefix(12)) on disk); add a new migration instead of editing an applied one")
                }
                continue
            }
            try connection.transaction {
                try connection.execute(script: migration.sql)
                try connection.query("""
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """)
            }
            done.append(migration.name)
        }
        return done
    }

    /// Names of migrations not applied yet (empty when the schema is current).
    public func pending(in store: Store) throws -> [String] {
        let exists = try store.connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard try exists.first?.bool("present") == true else { return migrations.map(\.name) }
        let applied = try appliedChecksums(store.connection)
        return migrations.filter { applied[$0.version] == nil }.map(\.name)
    }

    private func appliedChecksums(_ connection: PostgresConnection) throws -> [Int: String] {
        var applied: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
            applied[try row.int("version")] = try row.string("checksum")
        }
        return applied
    }

    static let lockKey: Int64 = 0x7265_6c69_6d69_67  // "relimig"
}
