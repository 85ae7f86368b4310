public import Foundation
public import Relicensure

/// The whole configuration file (SPEC §3), with paths made absolute and rules ready for the
/// crediting engine.
public struct Configuration: Sendable {
    /// The file it was read from, as given.
    public var file: String
    /// libpq connection string or URI; `nil` means `$DATABASE_URL`, else libpq's own defaults.
    public var database: String?
    /// Trusted folder: the issuing platforms' own exports.
    public var inbox: String
    /// Untrusted folder: badges educators hand in.
    public var uploads: String?
    /// Where output files go.
    public var reports: String
    public var timeZone: TimeZone
    public var rules: CreditingRules
    public var verification: VerificationSettings
    /// PDMS columns, in file order.
    public var pdmsColumns: [String]
    /// How the PDMS transcript export is read and reconciled (`pdms.transcript_columns`,
    /// `pdms.grace_days`).
    public var pdmsTranscript: PDMSTranscriptSettings
    /// The web door (`web:`, SPEC §8).
    public var web: WebSettings = WebSettings()

    /// The PDMS columns SPEC §6 defines, in their default order.
    public static let knownPDMSColumns = ["educator_id", "last_name", "first_name", "district_code",
                                          "activity_title", "provider", "completion_date", "clock_hours",
                                          "credential_id", "credit_type", "action"]
}

/// How badges from `uploads` are proven (SPEC §4.4).
public struct VerificationSettings: Sendable {
    /// Key files (PEM, JWK, JWK Set), absolute paths, by issuer id.
    public var keys: [String: [String]]
    public var fetch: Bool
    public var caFile: String?
    public var allowPrivate: Bool
    /// Seconds a night spends on hosted fetches in all (`verification.fetch_budget_seconds`).
    public var fetchBudgetSeconds: Int

    public init(keys: [String: [String]] = [:], fetch: Bool = true, caFile: String? = nil, allowPrivate: Bool = false,
                fetchBudgetSeconds: Int = 60) {
        self.keys = keys
        self.fetch = fetch
        self.caFile = caFile
        self.allowPrivate = allowPrivate
        self.fetchBudgetSeconds = fetchBudgetSeconds
    }
}

/// How `relicensure pdms import` reads the PDMS transcript export (SPEC §4.5) and how long
/// `report reconcile` gives HR to key a batch in (SPEC §9).
public struct PDMSTranscriptSettings: Sendable {
    /// Our names for the export's columns, in the order SPEC §4.5 lists them.
    public static let columns = ["educator_id", "activity_title", "provider", "completion_date", "clock_hours",
                                 "credential_id", "record_id"]
    /// The columns a transcript export cannot do without.
    public static let requiredColumns = ["educator_id", "activity_title", "completion_date", "clock_hours"]

    /// Our name → the export's column name, for the columns the configuration renames.
    public var columnNames: [String: String] = [:]
    /// Days HR has to key a batch into PDMS before a missing credit is a finding.
    public var graceDays = 14

    public init(columnNames: [String: String] = [:], graceDays: Int = 14) {
        self.columnNames = columnNames
        self.graceDays = graceDays
    }

    /// The export's name for our column `name` (itself, unless the configuration renames it).
    public func exportName(of name: String) -> String { columnNames[name] ?? name }
}

/// The `pdms` section as read, before it is spread over `Configuration`.
struct PDMSSettings {
    var columns = Configuration.knownPDMSColumns
    var transcript = PDMSTranscriptSettings()
}
