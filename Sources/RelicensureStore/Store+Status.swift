import Postgres

extension Store {
    /// Awards waiting on someone, by outcome: pending approvals, unresolved references,
    /// unmatched recipients and every other outcome that is evaluated again each night.
    public func waitingCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try connection.query("""
            SELECT outcome, count(*) AS n FROM award_outcomes
            WHERE outcome NOT IN ('credited', 'invalid', 'revoked') GROUP BY outcome
            """) {
            counts[try row.string("outcome")] = try row.int("n")
        }
        return counts
    }
}
