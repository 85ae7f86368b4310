public import OpenBadges
import Postgres
public import Relicensure

extension Store {
    /// Runs `body` in one read-only transaction that sees a single snapshot of the database,
    /// so a report read while a nightly run commits never mixes the before and the after.
    public func readingSnapshot<T>(_ body: () throws -> T) throws -> T {
        try transaction {
            try connection.execute(script: "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            try planReportAsMeasured()
            return try body()
        }
    }

    /// A second connection to the same database whose transaction sees exactly the snapshot of
    /// this one's (PostgreSQL's exported snapshots), so that the server can work on a long query
    /// there while this connection reads something else. Call it inside `readingSnapshot`; the
    /// other transaction ends when the returned store is let go.
    public func sharingSnapshot() throws -> Store {
        let exported = try connection.query("SELECT pg_export_snapshot() AS id")
        let id = try exported.first?.string("id") ?? ""
        // SET TRANSACTION SNAPSHOT takes no parameters: the server's own id is pasted, after
        // checking that it is one (hexadecimal digits and dashes, as PostgreSQL makes them).
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || Character(Unicode.Scalar($0)).isHexDigit }) else {
            throw StoreError("the database exported a snapshot id that is not one")
        }
        let other = try Store(conninfo: conninfo)
        try other.connection.execute(script: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        try other.connection.execute(script: "SET TRANSACTION SNAPSHOT '\(id)'")
        try other.planReportAsMeasured()
        return other
    }

    /// Hours by educator id as of `asOf` (entries posted later are not counted): net hours of
    /// awards dated in each educator's current term, and net hours posted in `month`.
    /// Educators without entries are absent; with `educatorID`, only that educator is counted;
    /// only educators in `scope` are.
    public func educatorHours(asOf: CalendarDate, month: ReportMonth, educatorID: String? = nil,
                              scope: RosterScope = .everyone) throws -> [String: EducatorHours] {
        let asOf = asOf.description, first = month.firstDay.description, last = month.lastDay.description
        let net = Self.netHours(of: "l")
        var hours: [String: EducatorHours] = [:]
        for row in try connection.query("""
            SELECT e.educator_id,
                   coalesce(\(unescaped: net) FILTER (WHERE in_license_term(l.award_date, e.license_start, e.license_end)), 0)::text
                       AS term,
                   coalesce(\(unescaped: net) FILTER (WHERE l.posted_on BETWEEN \(first)::date AND \(last)::date), 0)::text
                       AS month
            FROM educators e JOIN ledger_entries l ON l.educator_id = e.educator_id AND l.posted_on <= \(asOf)::date
            WHERE (\(educatorID)::text IS NULL OR e.educator_id = \(educatorID)) AND \(scope, on: "e")
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
                   \(unescaped: Self.netHours)::text AS net
            FROM ledger_entries WHERE posted_on BETWEEN \(from.description)::date AND \(through.description)::date
            GROUP BY 1
            """) {
            hours[try row.string("month")] = try Self.hours(row, "net")
        }
        return hours
    }

    /// Ledger entries posted from `from` through `through`, in posting order, read through a
    /// cursor `batchSize` at a time, so that a month of any size is read in flat memory. The
    /// cursor is declared and its first batch asked for at once, so the server works on the
    /// query while the caller does something else; until the batches are read, the connection
    /// runs nothing else, so give it one of its own (`sharingSnapshot()`) to go on using this one.
    public func startLedgerLines(postedFrom from: CalendarDate, through: CalendarDate,
                                 batchSize: Int = 10_000) throws -> StoreBatches<LedgerLine> {
        StoreBatches(store: self, cursor: try PostgresCursor(Self.ledgerLinesQuery(postedFrom: from, through: through),
                                                             named: "ledger_lines", batchSize: batchSize,
                                                             on: connection),
                     decode: Self.ledgerLine)
    }

    private static func ledgerLinesQuery(postedFrom from: CalendarDate, through: CalendarDate) -> PostgresQuery {
        // Read by position (faster than by name, a million times over): `ledgerLine` follows
        // this column order. Hours as hundredths, so that no decimal text is parsed.
        """
        SELECT \(unescaped: ledgerLineColumns)
        FROM ledger_entries l JOIN awards a USING (award_id)
        WHERE l.posted_on BETWEEN \(from.description)::date AND \(through.description)::date
        ORDER BY l.posted_on, l.entry_id
        """
    }

    /// The columns `ledgerLine` reads, of `ledger_entries l JOIN awards a`.
    static let ledgerLineColumns = """
        l.entry_id, l.posted_on::text, l.educator_id, l.award_id,
        coalesce(a.badge_name, l.badge_id), coalesce(a.issuer_name, l.issuer_id),
        l.award_date::text, l.action, l.kind, (l.hours * 100)::bigint, l.credit_type, l.reason,
        l.recorded_by
        """

    static func ledgerLine(_ row: PostgresRow) throws -> LedgerLine {
        guard let action = Posting.Action(rawValue: try row.string(7)) else {
            throw StoreError("ledger entry \(row[0] ?? "?") has an unknown action")
        }
        return LedgerLine(entryID: try row.int64(0), postedOn: try date(row, 1),
                          educatorID: try row.string(2), awardID: try row.string(3),
                          badgeName: try row.string(4), issuerName: try row.string(5),
                          awardDate: try date(row, 6), action: action, kind: try row.string(8),
                          hours: ClockHours(hundredths: try row.int(9)), creditType: try row.string(10),
                          reason: try row.string(11), recordedBy: row[12])
    }

    /// The awards `selection` names, each with its outcome as of `asOf` (the latest evaluated on
    /// or before that day) and, for `.educator`, the hours standing for it then (`nil` for the
    /// other selections), in award-date order. Awards first seen after `asOf` are left out, so
    /// a report as of a past day shows what was known then.
    /// With a `scope`, only awards matched to an educator in it, or naming one among their
    /// candidates, are read (an award matched to nobody is seen by `everyone` alone).
    public func awards(_ selection: AwardSelection, asOf: CalendarDate,
                       scope: RosterScope = .everyone) throws -> [AwardStanding] {
        try connection.query(Self.awardsQuery(selection, asOf: asOf, latest: try latestOutcomes(asOf: asOf), scope: scope))
            .map(Self.awardStanding)
    }

    /// Where each award's latest known outcome as of a day is read from. Read it and run the
    /// query in one snapshot (`readingSnapshot`), as every report does.
    enum LatestOutcomes {
        /// The current rows (`award_outcomes`) are the latest known ones on that day
        /// (`outcome_days`, sql/016): each award's row is read, nothing sorted.
        case current
        /// Each award's rows of both tables, sorted by day: the latest on or before it wins.
        case sortedHistory
    }

    /// Whether the current outcomes are the latest known ones as of `asOf` (`outcome_days`, which
    /// the database keeps as outcomes are written: sql/016 and 017): sorting the
    /// history of a million awards took each of the monthly report's three award queries 3–4 s
    /// of its 7 s.
    func latestOutcomes(asOf: CalendarDate) throws -> LatestOutcomes {
        let current = try connection.query("""
            SELECT latest_day <= \(asOf.description)::date AND NOT out_of_order FROM outcome_days
            """).first?.bool(0)
        return current == true ? .current : .sortedHistory
    }

    /// `awards(_:asOf:)` read a batch at a time, as `startLedgerLines` reads the ledger: started
    /// now, so that the server works on the query while the caller does other work. Call it
    /// inside `readingSnapshot` or on a `sharingSnapshot()`: `latestOutcomes` and the query must
    /// see the same snapshot.
    public func startAwards(_ selection: AwardSelection, asOf: CalendarDate,
                            batchSize: Int = 10_000) throws -> StoreBatches<AwardStanding> {
        StoreBatches(store: self, cursor: try PostgresCursor(Self.awardsQuery(selection, asOf: asOf,
                                                                               latest: try latestOutcomes(asOf: asOf)),
                                                             named: "award_standings", batchSize: batchSize,
                                                             on: connection),
                     decode: Self.awardStanding)
    }

    static func awardsQuery(_ selection: AwardSelection, asOf: CalendarDate, latest source: LatestOutcomes,
                            scope rosterScope: RosterScope = .everyone) -> PostgresQuery {
        var parameters: [(any PostgresEncodable)?] = [asOf.description]
        let condition: String
        switch selection {
        case .uncreditedFirstSeen(let from, let through):
            condition = "a.first_seen_on BETWEEN $2::date AND $3::date AND o.outcome IS DISTINCT FROM 'credited'"
            parameters += [from.description, through.description]
        case .outcome(let code):
            condition = "o.outcome = $2"
            parameters.append(code)
        case .open:
            condition = "(o.outcome IS NULL OR NOT outcome_is_final(o.outcome))"
        case .educator(let id):
            condition = """
                (o.educator_id = $2 OR $2 = ANY(\(Self.candidatesExpression("o.reason")))
                 OR EXISTS (SELECT 1 FROM ledger_entries l
                            WHERE l.award_id = a.award_id AND l.educator_id = $2 AND l.posted_on <= $1::date))
                """
            parameters.append(id)
        }
        // One educator's transcript reads only the awards ever tied to them (by index), not the
        // whole history: a lookup stays fast with a million awards stored. Awards that name them
        // among several candidates are few; those are found by their outcome.
        // The hours standing for each award, summed over the ledger, are joined only for the
        // transcript, which shows them: the monthly report's three award queries spent about a
        // second each on that sum and its join, for columns no sheet has. (PostgreSQL does not
        // run a WITH query nothing references.)
        var scope = "", awardScope = "", hours = "NULL::bigint", hoursJoin = ""
        if case .educator = selection {
            hours = "(coalesce(s.net, 0) * 100)::bigint"
            hoursJoin = "LEFT JOIN standing s USING (award_id)"
            let ids = """
                (SELECT award_id FROM award_outcomes WHERE educator_id = $2
                 UNION SELECT award_id FROM outcome_history WHERE educator_id = $2
                 UNION SELECT award_id FROM ledger_entries WHERE educator_id = $2
                 UNION SELECT award_id FROM award_outcomes
                 WHERE outcome IN ('ambiguous_recipient', 'inactive_educator') AND $2 = ANY(\(Self.candidatesExpression("reason")))
                 UNION SELECT award_id FROM outcome_history
                 WHERE outcome IN ('ambiguous_recipient', 'inactive_educator') AND $2 = ANY(\(Self.candidatesExpression("reason"))))
                """
            scope = "AND award_id IN \(ids)"
            awardScope = "AND a.award_id IN \(ids)"
        }
        // The Open sheet is oldest first: the award waiting longest leads.
        let order = selection == .open ? "a.first_seen_on, a.award_date NULLS LAST, a.award_id COLLATE \"C\""
            : "a.award_date NULLS LAST, a.award_id"
        var inScope = ""
        if rosterScope != .everyone {
            let n = parameters.count + 1
            inScope = """
                AND EXISTS (SELECT 1 FROM educators e
                            WHERE (e.educator_id = o.educator_id OR e.educator_id = ANY(\(Self.candidatesExpression("o.reason"))))
                              AND \(rosterScope.condition(on: "e", firstParameter: n)))
                """
            parameters += rosterScope.parameters
        }
        // Read by position: `awardStanding` follows this column order.
        let latest = switch source {
        case .current:
            "SELECT award_id, outcome, reason, educator_id FROM award_outcomes WHERE evaluated_on <= $1::date \(scope)"
        case .sortedHistory:
            """
            SELECT DISTINCT ON (award_id) award_id, outcome, reason, educator_id FROM (
                SELECT award_id, outcome, reason, educator_id, evaluated_on, recorded_at AS at
                FROM outcome_history WHERE evaluated_on <= $1::date \(scope)
                UNION ALL
                SELECT award_id, outcome, reason, educator_id, evaluated_on, 'infinity'::timestamptz
                FROM award_outcomes WHERE evaluated_on <= $1::date \(scope)
            ) known ORDER BY award_id, evaluated_on DESC, at DESC
            """
        }
        return PostgresQuery(sql: """
            WITH latest AS (
                \(latest)
            ), standing AS (
                SELECT award_id, \(Self.netHours) AS net
                FROM ledger_entries WHERE posted_on <= $1::date \(scope) GROUP BY award_id
            )
            SELECT a.award_id, a.source_path, a.source_line, a.badge_id, \(Self.claimed("badge_name")),
                   a.issuer_id, \(Self.claimed("issuer_name")), a.award_date::text, a.first_seen_on::text, o.outcome,
                   coalesce(o.reason, ''), o.educator_id, \(hours),
                   CASE WHEN a.recipient_hashed THEN 'hashed' ELSE a.recipient_identity END
            FROM awards a LEFT JOIN latest o USING (award_id) \(hoursJoin)
            WHERE a.first_seen_on <= $1::date AND \(condition) \(awardScope) \(inScope)
            ORDER BY \(order)
            """, parameters: parameters)
    }

    /// A name column of `awards a` as HR may read it: a name that an upload no one verified
    /// claims (its badge, its issuer) is shown as a claim, never as if it were known (SPEC §4.4).
    static func claimed(_ column: String) -> String {
        """
        CASE WHEN a.source = 'uploads' AND NOT verification_is_verified(a.verification) AND a.\(column) IS NOT NULL
             THEN 'unverified claim: ' || a.\(column) ELSE a.\(column) END
        """
    }

    private static func awardStanding(_ row: PostgresRow) throws -> AwardStanding {
        AwardStanding(awardID: try row.string(0), sourcePath: try row.string(1),
                      sourceLine: row[2].flatMap { Int($0) }, badgeID: row[3],
                      badgeName: row[4], issuerID: row[5], issuerName: row[6],
                      awardDate: row[7].flatMap { CalendarDate($0) },
                      firstSeenOn: try date(row, 8), outcome: row[9],
                      reason: try row.string(10), educatorID: row[11],
                      hours: row[12] == nil ? nil : ClockHours(hundredths: try row.int(12)), recipient: row[13])
    }

    /// The educator ids of an outcome's `candidates:` detail (`Decision.candidatesDetail`) as a
    /// SQL array, empty for any other detail.
    static func candidatesExpression(_ reason: String) -> String {
        "coalesce(string_to_array(substring(\(reason) FROM '^candidates:(.*)$'), ';'), '{}'::text[])"
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

    static func hours(_ row: PostgresRow, _ column: String) throws -> ClockHours {
        let text = try row.string(column)
        guard let hours = ClockHours(text) else { throw StoreError("'\(text)' in column \(column) is not a number of hours") }
        return hours
    }

    private static func date(_ row: PostgresRow, _ column: Int) throws -> CalendarDate {
        let text = try row.string(column)
        guard let date = CalendarDate(text) else {
            throw StoreError("'\(text)' in column \(row.columns[column]) is not a date")
        }
        return date
    }
}

extension Store {
    /// Runs `query` through a cursor in the current transaction (or in one of its own) and calls
    /// `body` with each `batchSize` rows, in order: a result of any size is read in the memory of
    /// one batch (and the next, which the server sends meanwhile). `cursor` names the cursor; it
    /// must be a constant of the program's.
    func forEachBatch(of query: PostgresQuery, cursor name: String, batchSize: Int,
                      _ body: (PostgresResult) throws -> Void) throws {
        try connection.transaction {
            let cursor = try PostgresCursor(query, named: name, batchSize: batchSize, on: connection)
            while let rows = try cursor.next() { try body(rows) }
        }
    }
}

/// Rows of a report query read through a cursor a batch at a time, one batch ahead, each
/// decoded into its record (see `Store.startAwards`).
public final class StoreBatches<Element> {
    /// Keeps the connection (perhaps one of its own) open while the cursor is read.
    private let store: Store
    private let cursor: PostgresCursor
    private let decode: (PostgresRow) throws -> Element

    init(store: Store, cursor: PostgresCursor, decode: @escaping (PostgresRow) throws -> Element) {
        self.store = store
        self.cursor = cursor
        self.decode = decode
    }

    /// The next batch, or `nil` after the last.
    public func next() throws -> [Element]? {
        try cursor.next().map { rows in try rows.map(decode) }
    }
}
