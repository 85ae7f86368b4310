import BadgeFetching
public import Foundation
public import Logging
public import OpenBadges
import Postgres
public import RelicensureConfig
public import RelicensureStore

/// What every command starts from: the configuration, its checksum, the as-of date and a
/// connection to the ledger.
public struct Session: Sendable {
    public let configuration: Configuration
    public let configChecksum: String
    public let asOf: CalendarDate
    public let logger: Logger

    /// Loads the configuration (exit 2 on any problem) and settles the as-of date: the option,
    /// else today in `state.time_zone`.
    public init(configOption: String?, asOfOption: String?, logger: Logger,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let path = ConfigurationLoader.locate(option: configOption, environment: environment)
        do {
            configuration = try ConfigurationLoader.load(path: path)
        } catch {
            throw AppError(.usage, error.description)
        }
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        configChecksum = ContentHash.sha256Hex(bytes)
        if let asOfOption {
            guard let date = CalendarDate(asOfOption) else {
                throw AppError(.usage, "--as-of '\(asOfOption)' is not a date written YYYY-MM-DD")
            }
            asOf = date
        } else {
            asOf = CalendarDate(Date(), in: configuration.timeZone)
        }
        self.logger = logger
        self.settings = EnvironmentSettings(environment)
    }

    /// What the environment the session was made with asks for (tests pass their own).
    let settings: EnvironmentSettings

    /// How hosted badges are fetched: `verification` of the file, and the request timeout in
    /// seconds from `RELICENSURE_FETCH_TIMEOUT` when set (default 15).
    var fetchPolicy: FetchPolicy {
        let verification = configuration.verification
        var policy = FetchPolicy(caFile: verification.caFile, allowPrivate: verification.allowPrivate,
                                 budgetSeconds: Int64(verification.fetchBudgetSeconds))
        if let seconds = settings.fetchTimeoutSeconds {
            policy.requestTimeout = seconds
            policy.connectTimeout = min(policy.connectTimeout, seconds)
        }
        return policy
    }

    /// The database: `database:` in the file, else `$DATABASE_URL`, else libpq's own `PG*`
    /// variables and `~/.pgpass` (SPEC §3).
    public var conninfo: String { configuration.database ?? settings.databaseURL ?? "" }

    /// The migrations this program carries.
    public func migrator() throws -> Migrator {
        do {
            return try Migrator.embedded()
        } catch {
            throw AppError(.failed, "\(error)")
        }
    }

    /// Connects and checks that the schema is current.
    public func openStore(requireCurrentSchema: Bool = true) throws -> Store {
        let store: Store
        do {
            store = try Store(conninfo: conninfo)
        } catch {
            throw AppError(.failed, "cannot connect to the database: \(error). Set 'database:' in \(configuration.file) or DATABASE_URL")
        }
        if requireCurrentSchema {
            let difference = try migrator().difference(in: store)
            guard difference.pending.isEmpty else {
                throw AppError(.failed, "the database schema is not up to date (\(difference.pending.joined(separator: ", ")) not applied); run `relicensure migrate` first")
            }
            // Refused before any work, rather than a night failing at its last statement.
            guard difference.unknown.isEmpty else {
                throw AppError(.failed, """
                    the database was migrated by a newer relicensure (migration \
                    \(difference.unknown.map(String.init).joined(separator: ", ")) is unknown to this one); \
                    run that version or a newer one
                    """)
            }
        }
        return store
    }
}
