public import OpenBadges
import Postgres

/// The monthly report's three sheets of awards, in the order the workbook writes them.
public enum MonthlyAwardSheet: Int, Sendable, CaseIterable {
    /// Waiting for the district's decision (`AwardSelection.outcome("pending_approval")`).
    case pending = 1
    /// First seen in the month and not credited (`AwardSelection.uncreditedFirstSeen`).
    case exceptions
    /// Not final, whatever the month, oldest first (`AwardSelection.open`).
    case open
}

extension Store {
    /// The awards of the Pending, Exceptions and Open sheets as of `asOf`, from one query read
    /// through one cursor: each sheet's rows in the order `awards(_:asOf:)` gives them, the
    /// sheets one after another.
    ///
    /// One query, because finding every award's outcome as of a day sorts the whole outcome
    /// history: three queries (one a sheet) sorted it three times. On the 1M-award ledger the
    /// three took the server 25 s, the one 13.5 s (`COPY … TO '/dev/null'`, work_mem 4 MB).
    /// It is started now and sorted while the caller writes the sheets before these.
    public func startMonthlyAwards(asOf: CalendarDate, firstSeenFrom from: CalendarDate, through: CalendarDate,
                                   batchSize: Int = 10_000) throws -> MonthlyAwardStreams {
        let columns = Self.awardStandingColumns.enumerated().map { "\($1) AS c\($0)" }.joined(separator: ", ")
        let read = Self.awardStandingColumns.indices.map { "c\($0)" }.joined(separator: ", ")
        let exceptions = Self.uncreditedFirstSeen(seen: "seen", outcome: "code", from: "$2", through: "$3")
        let open = Self.open(outcome: "code")
        let query = PostgresQuery(sql: """
            WITH \(Self.standingsAsOf(scope: "")), base AS (
                SELECT \(columns), a.award_id AS id, a.award_date AS day, a.first_seen_on AS seen, o.outcome AS code
                FROM awards a LEFT JOIN latest o USING (award_id) LEFT JOIN standing s USING (award_id)
                WHERE a.first_seen_on <= $1::date
                  AND (\(Self.uncreditedFirstSeen(seen: "a.first_seen_on", outcome: "o.outcome", from: "$2", through: "$3"))
                       OR \(Self.open(outcome: "o.outcome")))   -- every pending award is open too
            ), tagged AS (
                SELECT \(MonthlyAwardSheet.pending.rawValue) AS sheet, * FROM base WHERE code = 'pending_approval'
                UNION ALL
                SELECT \(MonthlyAwardSheet.exceptions.rawValue), * FROM base WHERE \(exceptions)
                UNION ALL
                SELECT \(MonthlyAwardSheet.open.rawValue), * FROM base WHERE \(open)
            )
            SELECT \(read), sheet FROM tagged
            ORDER BY sheet, CASE WHEN sheet = \(MonthlyAwardSheet.open.rawValue) THEN seen END, day NULLS LAST,
                     id COLLATE "C"
            """, parameters: [asOf.description, from.description, through.description])
        let sheetColumn = Self.awardStandingColumns.count
        return MonthlyAwardStreams(batches: StoreBatches(
            store: self, cursor: try PostgresCursor(query, named: "monthly_awards", batchSize: batchSize, on: connection),
            decode: { row in (sheet: try row.int(sheetColumn), award: try Self.awardStanding(row)) }))
    }
}

/// The rows `Store.startMonthlyAwards` reads, handed out sheet by sheet: ask for each sheet's
/// batches in `MonthlyAwardSheet` order until `next` returns `nil`, then for the next sheet's.
public final class MonthlyAwardStreams {
    private let batches: StoreBatches<(sheet: Int, award: AwardStanding)>
    /// Rows read but not yet handed out: the start of a later sheet, read with the end of one.
    private var waiting: ArraySlice<(sheet: Int, award: AwardStanding)> = []
    private var exhausted = false

    init(batches: StoreBatches<(sheet: Int, award: AwardStanding)>) {
        self.batches = batches
    }

    /// The next batch of `sheet`'s awards, or `nil` after its last. Rows of an earlier sheet
    /// not asked for are passed over.
    public func next(_ sheet: MonthlyAwardSheet) throws -> [AwardStanding]? {
        while true {
            waiting = waiting.drop { $0.sheet < sheet.rawValue }
            if let first = waiting.first {
                guard first.sheet == sheet.rawValue else { return nil }
                let batch = waiting.prefix { $0.sheet == sheet.rawValue }
                waiting = waiting.dropFirst(batch.count)
                return batch.map(\.award)
            }
            guard !exhausted, let read = try batches.next() else {
                exhausted = true
                return nil
            }
            waiting = read[...]
        }
    }
}
