import Foundation

/// Every environment variable a run reads, read once when its `Session` is made (tests hand in
/// their own), so that no other code looks at the environment. The configuration's path,
/// `RELICENSURE_CONFIG`, is not here: it is the documented default of `--config`, read by
/// `ConfigurationLoader.locate` before there is a configuration to hold settings.
///
/// The knobs below are for tests, the harnesses under `scripts/` and operators diagnosing a
/// night; districts set none of them (README "Environment").
struct EnvironmentSettings: Sendable {
    /// `DATABASE_URL`: the database when the file names none (SPEC §3); user-facing, like
    /// libpq's own `PG*` variables, which libpq reads itself.
    let databaseURL: String?

    /// `RELICENSURE_SETTLE_SECONDS` (default 60): how long a file must have been left alone
    /// before a night reads it (`SettleWindow`). Tests, demos and benchmarks write their files
    /// just before the run and set 0; an operator whose copies take longer may raise it. A value
    /// that is not a whole number of seconds is a usage error when a night starts, not a guess.
    let settleSeconds: Result<Int, AppError>

    /// `RELICENSURE_FETCH_TIMEOUT`: seconds a hosted fetch may wait for a request (the
    /// default is `FetchPolicy`'s 15). Tests and the browser test shorten it so that an
    /// unreachable test host fails at once rather than after the real timeout.
    let fetchTimeoutSeconds: Int64?

    /// `RELICENSURE_FULL_EVALUATION` (set, not "0"): evaluate every waiting award instead of
    /// only those whose inputs changed. The nightly tests run it beside the incremental night
    /// and require the same ledger; an operator may use it to check a night the same way.
    let fullEvaluation: Bool

    /// `RELICENSURE_ADDRESS_HASH_BUDGET` (default 2,000,000, about half a second): hashes of
    /// changed addresses worth computing before evaluating every unmatched award instead. For
    /// tests, which set it low to take the other path on a small roster.
    let addressHashBudget: Int

    /// `RELICENSURE_PAUSE_AT`: the phases (`NightlyPhase` raw values, comma-separated, or `*`)
    /// at which a night stops and waits (`PausePoints`). Only for the crash harness
    /// (`scripts/crash-harness`) and its tests; unset, a night never pauses.
    let pauseAt: [String]

    init(_ environment: [String: String]) {
        databaseURL = environment["DATABASE_URL"]
        settleSeconds = Self.settleSeconds(environment["RELICENSURE_SETTLE_SECONDS"])
        fetchTimeoutSeconds = environment["RELICENSURE_FETCH_TIMEOUT"].flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
        fullEvaluation = environment["RELICENSURE_FULL_EVALUATION"].map { !$0.isEmpty && $0 != "0" } ?? false
        addressHashBudget = environment["RELICENSURE_ADDRESS_HASH_BUDGET"].flatMap { Int($0) } ?? 2_000_000
        pauseAt = (environment["RELICENSURE_PAUSE_AT"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func settleSeconds(_ value: String?) -> Result<Int, AppError> {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .success(SettleWindow.defaultSeconds)
        }
        guard let seconds = Int(text), seconds >= 0 else {
            return .failure(AppError(.usage, "RELICENSURE_SETTLE_SECONDS is '\(text)'; it must be a whole number of seconds (0 or more)"))
        }
        return .success(seconds)
    }
}
