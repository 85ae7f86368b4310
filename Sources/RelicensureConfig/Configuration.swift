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
