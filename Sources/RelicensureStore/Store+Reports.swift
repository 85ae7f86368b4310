public import OpenBadges
import Postgres
public import Relicensure

extension Store {
    /// Runs `body` in one read-only transaction that sees a single snapshot of the database,
    /// so a report read while a nightly run commits never mixes the before and the after.
    public func readingSnapshot<T>(_ body: () throws -> T) throws -> T {
        try transaction {
            try connection.execute(script: "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try body()
        }
    }

    /// Hours by educator id as of `asOf` (entries posted later are not counted): net hours of
    /// awards dated in each educator's current term, and net hours posted in `month`.
    /// Educators without entries are absent; with `educatorID`, only that educator is counted.
    public func educatorHours(asOf: CalendarDate, month: ReportMonth,
                              educatorID: String? = nil) throws -> [String: EducatorHours] {
        let asOf = asOf.description, first = month.firstDay.description, last = month.lastDay.description
        var hours: [String: EducatorHours] = [:]
        for row in try connection.query("""
            SELECT e.educator_id,
                   coalesce(sum(CASE l.action WHEN 'ADD' THEN l.hours ELSE -l.hours END)
                            FILTER (WHERE l.award_date BETWEEN e.license_start AND e.license_end), 0)::text AS term,
                   coalesce(sum(CASE l.action WHEN 'ADD' THEN l.hours ELSE -l.hours END)
                            FILTER (WHERE l.posted_on BETWEEN \(first)::date AND \(last)::date), 0)::text AS month
            FROM educators e JOIN ledger_entries l ON l.educator_id = e.educator_id AND l.posted_on <= \(asOf)::date
            WHERE \(educatorID)::text IS NULL OR e.educator_id = \(educatorID)
            GROUP BY e.educator_id
            """) {
            hours[try row.string("educator_id")] = EducatorHours(term: try Self.hours(row, "term"),
                                                                 month: try Self.hours(row, "month"))
        }
        return hours
    }

    /// Net hours posted in each month from `from` through `through`, by `YYYY-MM`; months
    /// without entries are absent.
    public func hoursByPostingMonth(from: CalendarDate, through: CalendarDate) throws -> [String: ClockHours] {
        var hours: [String: ClockHours] = [:]
        for row in try connection.query("""
            SELECT to_char(posted_on, 'YYYY-MM') AS month,
                   sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END)::text AS net
            FROM ledger_entries WHERE posted_on BETWEEN \(from.description)::date AND \(through.description)::date
            GROUP BY 1
            """) {
            hours[try row.string("month")] = try Self.hours(row, "net")
        }
        return hours
    }

    /// Ledger entries posted from `from` through `through`, in posting order.
    public func ledgerLines(postedFrom from: CalendarDate, through: CalendarDate) throws -> [LedgerLine] {
        let rows = try connection.query("""
            SELECT l.entry_id, l.posted_on::text, l.educator_id, l.award_id,
                   coalesce(a.badge_name, l.badge_id) AS badge_name, coalesce(a.issuer_name, l.issuer_id) AS issuer_name,
                   l.award_date::text, l.action, l.kind, l.hours::text, l.credit_type, l.reason, l.recorded_by
            FROM ledger_entries l JOIN awards a USING (award_id)
            WHERE l.posted_on BETWEEN \(from.description)::date AND \(through.description)::date
            ORDER BY l.posted_on, l.entry_id
            """)
        return try rows.map { row in
            guard let action = Posting.Action(rawValue: try row.string("action")) else {
                throw StoreError("ledger entry \(row["entry_id"] ?? "?") has an unknown action")
            }
            return LedgerLine(entryID: try row.int64("entry_id"), postedOn: try Self.date(row, "posted_on"),
                              educatorID: try row.string("educator_id"), awardID: try row.string("award_id"),
                              badgeName: try row.string("badge_name"), issuerName: try row.string("issuer_name"),
                              awardDate: try Self.date(row, "award_date"), action: action, kind: try row.string("kind"),
                              hours: try Self.hours(row, "hours"), creditType: try row.string("credit_type"),
                              reason: try row.string("reason"), recordedBy: row["recorded_by"])
        }
    }

    /// The awards `selection` names, each with its outcome as of `asOf` (the latest evaluated on
    /// or before that day) and the hours standing for it then, in award-date order. Awards first
    /// seen after `asOf` are left out, so a report as of a past day shows what was known then.
    public func awards(_ selection: AwardSelection, asOf: CalendarDate) throws -> [AwardStanding] {
        var parameters: [any PostgresEncodable] = [asOf.description]
        let condition: String
        switch selection {
        case .firstSeen(let from, let through):
            condition = "a.first_seen_on BETWEEN $2::date AND $3::date"
            parameters += [from.description, through.description]
        case .outcome(let code):
            condition = "o.outcome = $2"
            parameters.append(code)
        case .educator(let id):
            condition = """
                (o.educator_id = $2 OR EXISTS (SELECT 1 FROM ledger_entries l
                                               WHERE l.award_id = a.award_id AND l.educator_id = $2
                                                 AND l.posted_on <= $1::date))
                """
            parameters.append(id)
        }
        // One educator's transcript reads only the awards ever tied to them (by index), not the
        // whole history: a lookup stays fast with a million awards stored.
        var scope = "", awardScope = ""
        if case .educator = selection {
            let ids = """
                (SELECT award_id FROM award_outcomes WHERE educator_id = $2
                 UNION SELECT award_id FROM outcome_history WHERE educator_id = $2
                 UNION SELECT award_id FROM ledger_entries WHERE educator_id = $2)
                """
            scope = "AND award_id IN \(ids)"
            awardScope = "AND a.award_id IN \(ids)"
        }
        let rows = try connection.query(PostgresQuery(sql: """
            WITH known AS (
                SELECT award_id, outcome, reason, educator_id, evaluated_on, recorded_at AS at
                FROM outcome_history WHERE evaluated_on <= $1::date \(scope)
                UNION ALL
                SELECT award_id, outcome, reason, educator_id, evaluated_on, 'infinity'::timestamptz
                FROM award_outcomes WHERE evaluated_on <= $1::date \(scope)
            ), latest AS (
                SELECT DISTINCT ON (award_id) award_id, outcome, reason, educator_id
                FROM known ORDER BY award_id, evaluated_on DESC, at DESC
            ), standing AS (
                SELECT award_id, sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END) AS net
                FROM ledger_entries WHERE posted_on <= $1::date \(scope) GROUP BY award_id
            )
            SELECT a.award_id, a.source_path, a.source_line, a.badge_id, a.badge_name, a.issuer_id, a.issuer_name,
                   a.award_date::text, a.first_seen_on::text, o.outcome, coalesce(o.reason, '') AS reason,
                   o.educator_id, coalesce(s.net, 0)::text AS hours
            FROM awards a LEFT JOIN latest o USING (award_id) LEFT JOIN standing s USING (award_id)
            WHERE a.first_seen_on <= $1::date AND \(condition) \(awardScope)
            ORDER BY a.award_date NULLS LAST, a.award_id
            """, parameters: parameters))
        return try rows.map { row in
            AwardStanding(awardID: try row.string("award_id"), sourcePath: try row.string("source_path"),
                          sourceLine: row["source_line"].flatMap { Int($0) }, badgeID: row["badge_id"],
                          badgeName: row["badge_name"], issuerID: row["issuer_id"], issuerName: row["issuer_name"],
                          awardDate: row["award_date"].flatMap { CalendarDate($0) },
                          firstSeenOn: try Self.date(row, "first_seen_on"), outcome: row["outcome"],
                          reason: try row.string("reason"), educatorID: row["educator_id"],
                          hours: try Self.hours(row, "hours"))
        }
    }

    /// The ids of the educators `key` names: the one whose id it is, else every educator with
    /// that e-mail address (compared without regard to case). More than one means the address
    /// is shared, and the caller must ask for an id.
    public func educatorIDs(idOrEmail key: String) throws -> [String] {
        let byID = try connection.query("SELECT educator_id FROM educators WHERE educator_id = \(key)")
        if let row = byID.first { return [try row.string("educator_id")] }
        return try connection.query("""
            SELECT DISTINCT educator_id FROM educator_emails WHERE lower(email) = lower(\(key)) ORDER BY educator_id
            """).map { try $0.string("educator_id") }
    }

    private static func hours(_ row: PostgresRow, _ column: String) throws -> ClockHours {
        let text = try row.string(column)
        guard let hours = ClockHours(text) else { throw StoreError("'\(text)' in column \(column) is not a number of hours") }
        return hours
    }

    private static func date(_ row: PostgresRow, _ column: String) throws -> CalendarDate {
        let text = try row.string(column)
        guard let date = CalendarDate(text) else { throw StoreError("'\(text)' in column \(column) is not a date") }
        return date
    }
}
