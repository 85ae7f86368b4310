public import OpenBadges
import Postgres

/// When an award's hosted fetch is tried again (sql/006_fetch_backoff.sql).
public struct FetchBackoff: Sendable, Equatable {
    public var retryOn: CalendarDate
    public var reason: String
}

extension Store {
    /// Every award whose hosted fetch failed or was left over, with its next night and why.
    public func fetchBackoffs() throws -> [String: FetchBackoff] {
        var found: [String: FetchBackoff] = [:]
        for row in try connection.query("SELECT award_id, retry_on::text AS retry_on, reason FROM hosted_fetch_backoff") {
            let text = try row.string("retry_on")
            guard let day = CalendarDate(text) else { throw StoreError("'\(text)' in hosted_fetch_backoff.retry_on is not a date") }
            found[try row.string("award_id")] = FetchBackoff(retryOn: day, reason: try row.string("reason"))
        }
        return found
    }

    /// Records tonight's hosted fetches: each of `postponed` (award id → reason) waits twice as
    /// long as last time (2 days the first time, at most 30); each of `settled` waits no more.
    public func recordFetchBackoff(postponed: [String: String], settled: Set<String>, on day: CalendarDate) throws {
        for (awardID, reason) in postponed.sorted(by: { $0.key < $1.key }) {
            try connection.query("""
                INSERT INTO hosted_fetch_backoff AS b (award_id, failures, retry_on, reason)
                VALUES (\(awardID), 1, \(day.description)::date + 2, \(reason))
                ON CONFLICT (award_id) DO UPDATE
                SET failures = b.failures + 1, reason = EXCLUDED.reason,
                    retry_on = \(day.description)::date + least(30, (2 ^ least(b.failures + 1, 5))::integer)
                """)
        }
        for awardID in settled.sorted() where postponed[awardID] == nil {
            try connection.query("DELETE FROM hosted_fetch_backoff WHERE award_id = \(awardID)")
        }
    }
}
