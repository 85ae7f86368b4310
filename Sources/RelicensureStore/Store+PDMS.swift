import Foundation
public import OpenBadges
import Postgres

/// A recorded PDMS export batch: its file name, its columns and the exact cells it wrote.
public struct PDMSBatch: Sendable {
    public let id: Int64
    public let asOf: String
    public let fileName: String
    public let columns: [String]
    public let rows: [[String]]
    public let written: Bool
}

extension Store {
    /// Gathers every ledger entry not exported before into a new batch, freezing the cells it
    /// will write, so that re-exporting the batch later writes the same bytes. Returns `nil`
    /// when there is nothing new (no file is written on such a night).
    public func createPDMSBatch(runID: Int64, asOf: CalendarDate, columns: [String]) throws -> PDMSBatch? {
        let entries = try connection.query("""
            SELECT l.entry_id, l.educator_id, coalesce(e.last_name, '') AS last_name,
                   coalesce(e.first_name, '') AS first_name, coalesce(e.district_code, '') AS district_code,
                   coalesce(a.badge_name, l.badge_id) AS activity_title, coalesce(a.issuer_name, l.issuer_id) AS provider,
                   l.award_date::text AS completion_date, l.hours::text AS clock_hours, l.award_id AS credential_id,
                   l.credit_type, l.action
            FROM ledger_entries l
            JOIN awards a USING (award_id)
            LEFT JOIN educators e ON e.educator_id = l.educator_id
            WHERE NOT EXISTS (SELECT 1 FROM pdms_batch_entries b WHERE b.entry_id = l.entry_id)
            ORDER BY l.entry_id
            """)
        guard entries.count > 0 else { return nil }
        var rows: [[String]] = []
        var entryIDs: [String] = []
        for entry in entries {
            entryIDs.append(try entry.string("entry_id"))
            rows.append(columns.map { column in
                let value = entry[column] ?? ""
                // PDMS wants 10 and 7.5, not PostgreSQL's 10.00 and 7.50.
                if column == "clock_hours" { return Self.trimmedDecimal(value) }
                return value
            })
        }
        let columnsJSON = try Self.json(columns)
        // The batch number is the next after the last committed batch, not a sequence value:
        // a sequence is not rolled back, so a run killed after numbering its batch would leave
        // a gap in the file names HR imports (batch 1 missing, batch 2 present). Only the
        // nightly run creates batches, under its lock, so no two numbers are taken at once.
        let created = try connection.query("""
            INSERT INTO pdms_batches (batch_id, run_id, as_of, file_name, columns, row_count)
            SELECT coalesce(max(batch_id), 0) + 1, \(runID), \(asOf.description)::date, '', \(columnsJSON)::jsonb,
                   \(rows.count)
            FROM pdms_batches
            RETURNING batch_id
            """)
        guard let batchID = try created.first?.int("batch_id") else { throw StoreError("the PDMS batch could not be recorded") }
        let fileName = "pdms-import-\(asOf)-\(batchID).csv"
        try connection.query("UPDATE pdms_batches SET file_name = \(fileName) WHERE batch_id = \(batchID)")
        let batch = String(batchID)
        try connection.copyIn("COPY pdms_batch_entries (batch_id, entry_id, row_number, cells) FROM STDIN",
                              rows: try zip(entryIDs, rows).enumerated().map { number, pair in
                                  [batch, pair.0, String(number + 1), try Self.json(pair.1)]
                              })
        return PDMSBatch(id: Int64(batchID), asOf: asOf.description, fileName: fileName, columns: columns, rows: rows,
                         written: false)
    }

    /// A recorded batch, with its rows in their original order.
    public func pdmsBatch(_ id: Int64) throws -> PDMSBatch? {
        let batches = try connection.query("""
            SELECT batch_id, as_of::text, file_name, columns::text, written_at IS NOT NULL AS written
            FROM pdms_batches WHERE batch_id = \(id)
            """)
        guard let header = batches.first else { return nil }
        let columns = try Self.strings(fromJSON: try header.string("columns"))
        var rows: [[String]] = []
        for row in try connection.query("""
            SELECT cells::text FROM pdms_batch_entries WHERE batch_id = \(id) ORDER BY row_number
            """) {
            rows.append(try Self.strings(fromJSON: try row.string("cells")))
        }
        return PDMSBatch(id: id, asOf: try header.string("as_of"), fileName: try header.string("file_name"),
                         columns: columns, rows: rows, written: try header.bool("written"))
    }

    /// Batches recorded but never written to disk (a run killed between commit and write).
    public func unwrittenPDMSBatchIDs() throws -> [Int64] {
        try connection.query("SELECT batch_id FROM pdms_batches WHERE written_at IS NULL ORDER BY batch_id")
            .map { Int64(try $0.int("batch_id")) }
    }

    public func markPDMSBatchWritten(_ id: Int64) throws {
        try connection.query("UPDATE pdms_batches SET written_at = now() WHERE batch_id = \(id) AND written_at IS NULL")
    }

    static func trimmedDecimal(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    static func json(_ strings: [String]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: strings, options: [.withoutEscapingSlashes])
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError("could not encode PDMS cells") }
        return text
    }

    static func strings(fromJSON text: String) throws -> [String] {
        guard let data = text.data(using: .utf8),
              let strings = try JSONSerialization.jsonObject(with: data) as? [String] else {
            throw StoreError("a stored PDMS batch has unreadable cells")
        }
        return strings
    }
}
