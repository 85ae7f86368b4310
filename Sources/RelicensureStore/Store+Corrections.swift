public import OpenBadges
import Postgres
public import Relicensure

extension Store {
    /// Whether an award with this identity key was ever read.
    public func awardExists(_ awardID: String) throws -> Bool {
        try connection.query("SELECT 1 FROM awards WHERE award_id = \(awardID)").count > 0
    }

    /// Keeps an HR correction on the award's current outcome, so a transcript shows the hours
    /// that stand and why; the outcome stays `credited` (final), so no night credits it again.
    public func recordCorrection(_ posting: Posting, standingAfter hours: ClockHours, runID: Int64,
                                 on day: CalendarDate) throws {
        let audit = posting.audit.jsonText
        let reason = hours.isPositive ? "corrected" : "reversed_by_correction"
        let evaluatedOn = day.description
        try connection.query("""
            UPDATE award_outcomes SET hours = \(hours.description)::numeric, reason = \(reason),
                   audit = \(audit)::jsonb, run_id = \(runID), evaluated_on = \(evaluatedOn)::date
            WHERE award_id = \(posting.awardID)
            """)
        try connection.query("""
            INSERT INTO outcome_history (award_id, run_id, outcome, reason, educator_id, evaluated_on)
            SELECT award_id, run_id, outcome, reason, educator_id, evaluated_on
            FROM award_outcomes WHERE award_id = \(posting.awardID)
            """)
    }
}
