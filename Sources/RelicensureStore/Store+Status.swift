import Postgres

extension Store {
    /// Awards waiting on someone, by outcome: pending approvals, unresolved references,
    /// unmatched recipients and every other outcome that is evaluated again each night; and
    /// hosted fetches postponed to a later night.
    public func waitingCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try connection.query("""
            SELECT outcome, count(*) AS n FROM award_outcomes
            WHERE NOT outcome_is_final(outcome) GROUP BY outcome
            """) {
            counts[try row.string("outcome")] = try row.int("n")
        }
        // Hosted fetches that failed or were left over, waiting out their back-off (SPEC §4.4).
        if let row = try connection.query("SELECT count(*) AS n FROM hosted_fetch_backoff").first, try row.int("n") > 0 {
            counts["hosted fetch postponed"] = try row.int("n")
        }
        return counts
    }
}
