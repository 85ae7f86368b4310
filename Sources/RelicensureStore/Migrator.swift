public import Foundation
import OpenBadges
import Postgres

/// Applies the migrations (`sql/NNN_name.sql`, built into the executable) in order, each once,
/// recorded with its checksum (SPEC §7).
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
        try self.init(files: names.map { name in (name, try Data(contentsOf: folder.appendingPathComponent(name))) })
    }

    /// Migrations from their file names and bytes.
    public init(files: [(name: String, data: Data)]) throws {
        var migrations: [Migration] = []
        for (name, data) in files.sorted(by: { $0.name < $1.name }) {
            guard let prefix = name.split(separator: "_").first, let version = Int(prefix) else {
                throw StoreError("migration file \(name) must be named NNN_name.sql")
            }
            guard let sql = String(data: data, encoding: .utf8) else {
                throw StoreError("migration file \(name) is not UTF-8 text")
            }
            migrations.append(Migration(version: version, name: name, sql: sql, checksum: ContentHash.sha256Hex(data)))
        }
        guard Set(migrations.map(\.version)).count == migrations.count else {
            throw StoreError("two migration files share a number")
        }
        self.migrations = migrations
    }

    /// The migrations built into this executable from the package's `sql/` folder (the
    /// EmbedMigrations plugin): the program needs no folder beside it (SPEC §7).
    public static func embedded() throws -> Migrator {
        try Migrator(files: embeddedMigrationFiles.map { file in
            guard let data = Data(base64Encoded: file.base64) else {
                throw StoreError("the built-in migration \(file.name) is damaged; rebuild relicensure")
            }
            return (file.name, data)
        })
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
                    throw StoreError("migration \(migration.name) was changed after it was applied (checksum \(checksum.prefix(12)) in the database, \(migration.checksum.prefix(12)) in this program); add a new migration instead of editing an applied one")
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

    /// Where the database's schema and this executable's migrations differ.
    public struct SchemaDifference: Sendable {
        /// Names of migrations not applied yet.
        public let pending: [String]
        /// Versions applied that this executable does not know: a newer relicensure migrated
        /// the database (an upgrade taken back, say), and this one's statements may not fit it.
        public let unknown: [Int]
    }

    /// How the database's schema differs from this executable's migrations, read at once.
    public func difference(in store: Store) throws -> SchemaDifference {
        let exists = try store.connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard try exists.first?.bool("present") == true else {
            return SchemaDifference(pending: migrations.map(\.name), unknown: [])
        }
        let applied = try appliedChecksums(store.connection)
        let known = Set(migrations.map(\.version))
        return SchemaDifference(pending: migrations.filter { applied[$0.version] == nil }.map(\.name),
                                unknown: applied.keys.filter { !known.contains($0) }.sorted())
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
