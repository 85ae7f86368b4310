import Foundation
public import OpenBadges
import Postgres

/// A recorded PDMS export batch: its file name and its columns (its frozen cells are read
/// with `Store.forEachPDMSRows`).
public struct PDMSBatch: Sendable {
    public let id: Int64
    public let asOf: String
    public let fileName: String
    public let columns: [String]
    public let written: Bool
}

extension Store {
    /// The SQL that yields each PDMS column from a ledger entry `l`, its award `a` and its
    /// educator `e`. Only these fixed expressions are ever put into the statement: the
    /// configured column names select among them and never reach SQL themselves.
    static let pdmsColumnSQL: [String: String] = [
        "educator_id": "l.educator_id",
        "last_name": "coalesce(e.last_name, '')",
        "first_name": "coalesce(e.first_name, '')",
        "district_code": "coalesce(e.district_code, '')",
        "activity_title": "coalesce(a.badge_name, l.badge_id)",
        "provider": "coalesce(a.issuer_name, l.issuer_id)",
        "completion_date": "l.award_date::text",
        // PDMS wants 10 and 7.5, not 10.00 and 7.50.
        "clock_hours": "trim_scale(l.hours)::text",
        "credential_id": "l.award_id",
        "credit_type": "l.credit_type",
        "action": "l.action",
    ]

    /// Gathers every ledger entry not exported before into a new batch, freezing the cells it
    /// will write (in SQL, without a round trip per row), so that re-exporting the batch later
    /// writes the same bytes. Returns the batch id, or `nil` when there is nothing new (no file
    /// is written on such a night).
    public func createPDMSBatch(runID: Int64, asOf: CalendarDate, columns: [String]) throws -> Int64? {
        let expressions = try columns.map { column in
            guard let expression = Self.pdmsColumnSQL[column] else {
                throw StoreError("'\(column)' is not a PDMS column; known columns: \(Self.pdmsColumnSQL.keys.sorted().joined(separator: ", "))")
            }
            return expression
        }
        // The entries no batch has taken are kept by the database (sql/020): a night reads its
        // own few hundred, whoever posted them and however large the ledger has grown.
        let count = try connection.query("""
            SELECT count(*) AS n FROM pdms_unexported JOIN ledger_entries USING (entry_id)
            """).first?.int("n") ?? 0
        guard count > 0 else { return nil }
        let columnsJSON = Self.json(columns)
        // The batch number is the next after the last committed batch, not a sequence value:
        // a sequence is not rolled back, so a run killed after numbering its batch would leave
        // a gap in the file names HR imports (batch 1 missing, batch 2 present). Only the
        // nightly run and `correct` create batches, both under the nightly lock, so no two numbers
        // are taken at once.
        let created = try connection.query("""
            INSERT INTO pdms_batches (batch_id, run_id, as_of, file_name, columns, row_count)
            SELECT coalesce(max(batch_id), 0) + 1, \(runID), \(asOf.description)::date, '', \(columnsJSON)::jsonb,
                   \(count)
            FROM pdms_batches
            RETURNING batch_id
            """)
        guard let batchID = try created.first?.int("batch_id") else { throw StoreError("the PDMS batch could not be recorded") }
        let fileName = "pdms-import-\(asOf)-\(batchID).csv"
        try connection.query("UPDATE pdms_batches SET file_name = \(fileName) WHERE batch_id = \(batchID)")
        try connection.query(PostgresQuery(sql: """
            INSERT INTO pdms_batch_entries (batch_id, entry_id, row_number, cells)
            SELECT $1::bigint, l.entry_id, row_number() OVER (ORDER BY l.entry_id), jsonb_build_array(\(expressions.joined(separator: ", ")))
            FROM pdms_unexported u
            JOIN ledger_entries l USING (entry_id)
            JOIN awards a USING (award_id)
            LEFT JOIN educators e ON e.educator_id = l.educator_id
            """, parameters: [batchID]))
        return Int64(batchID)
    }

    /// A recorded batch's header: read its rows with `forEachPDMSRows`.
    public func pdmsBatchHeader(_ id: Int64) throws -> PDMSBatch? {
        let batches = try connection.query("""
            SELECT batch_id, as_of::text, file_name, columns::text, written_at IS NOT NULL AS written
            FROM pdms_batches WHERE batch_id = \(id)
            """)
        guard let header = batches.first else { return nil }
        return PDMSBatch(id: id, asOf: try header.string("as_of"), fileName: try header.string("file_name"),
                         columns: try Self.strings(fromJSON: try header.string("columns")),
                         written: try header.bool("written"))
    }

    /// A batch's frozen cells in their original order, `batchSize` rows at a time, through a
    /// cursor: a file of a statewide backfill is written in flat memory.
    public func forEachPDMSRows(batchID: Int64, batchSize: Int = 10_000, _ body: ([[String]]) throws -> Void) throws {
        let query: PostgresQuery = """
            SELECT cells::text FROM pdms_batch_entries WHERE batch_id = \(batchID) ORDER BY row_number
            """
        try forEachBatch(of: query, cursor: "pdms_rows", batchSize: batchSize) { rows in
            try body(try rows.map { try Self.strings(fromJSON: try $0.string("cells")) })
        }
    }

    /// Batches recorded but never written to disk (a run killed between commit and write).
    public func unwrittenPDMSBatchIDs() throws -> [Int64] {
        try connection.query("SELECT batch_id FROM pdms_batches WHERE written_at IS NULL ORDER BY batch_id")
            .map { Int64(try $0.int("batch_id")) }
    }

    public func markPDMSBatchWritten(_ id: Int64) throws {
        try connection.query("UPDATE pdms_batches SET written_at = now() WHERE batch_id = \(id) AND written_at IS NULL")
    }

    /// A JSON array of strings, as the `jsonb` columns of PDMS cells and each educator's
    /// addresses keep them; written and read with the badges' own JSON code, which on Linux
    /// is several times faster than `JSONSerialization` (every row of a PDMS file, and 50,000
    /// educators' addresses after a first night, pass through here).
    static func json(_ strings: [String]) -> String {
        JSONValue.array(strings.map(JSONValue.string)).serialized()
    }

    static func strings(fromJSON text: String) throws -> [String] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw StoreError("a stored list of text is unreadable: \(error.message)")
        }
        guard case .array(let elements) = value else { throw StoreError("a stored list of text is not a list") }
        return try elements.map { element in
            guard let text = element.stringValue else { throw StoreError("a stored list of text holds something else") }
            return text
        }
    }
}
