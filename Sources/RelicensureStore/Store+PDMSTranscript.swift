public import OpenBadges
import Postgres
public import Relicensure

/// A PDMS transcript import (SPEC §4.5): the snapshot of what PDMS held, dated by the import.
public struct PDMSImportRecord: Sendable, Hashable {
    public var importID: Int64
    /// The import's date (its as-of date): reports as of that day or later use it.
    public var importedOn: CalendarDate
    public var sourceFile: String
    public var rowCount: Int
}

extension Store {
    /// Records an import as the newest snapshot of what PDMS holds; earlier ones stay for audit.
    /// Returns its id.
    @discardableResult
    public func recordPDMSImport(_ activities: [PDMSActivity], importedOn: CalendarDate, sourceFile: String,
                                 sha256: String, skippedRows: Int) throws -> Int64 {
        let inserted = try connection.query("""
            INSERT INTO pdms_imports (imported_on, source_file, source_sha256, row_count, skipped_rows)
            VALUES (\(importedOn.description)::date, \(sourceFile), \(sha256), \(activities.count), \(skippedRows))
            RETURNING import_id
            """)
        guard let id = try inserted.first?.int64("import_id") else { throw StoreError("the PDMS import was not recorded") }
        let importID = String(id)
        try connection.copyIn("""
            COPY pdms_activities (import_id, line, educator_id, activity_title, provider, completion_date, clock_hours,
                                  credential_id, record_id) FROM STDIN
            """, rows: activities.lazy.map { activity in
                [importID, String(activity.line), activity.educatorID, activity.activityTitle, activity.provider,
                 activity.completionDate.description, activity.clockHours.description, activity.credentialID,
                 activity.recordID]
            })
        return id
    }

    /// The snapshot of PDMS that a report as of `asOf` uses: the latest import dated on or
    /// before that day; `nil` when there is none (then no PDMS hours are on record).
    public func latestPDMSImport(asOf: CalendarDate) throws -> PDMSImportRecord? {
        guard let row = try connection.query("""
            SELECT import_id, imported_on::text AS imported_on, source_file, row_count FROM pdms_imports
            WHERE imported_on <= \(asOf.description)::date ORDER BY imported_on DESC, import_id DESC LIMIT 1
            """).first else { return nil }
        guard let date = CalendarDate(try row.string("imported_on")) else { throw StoreError("a PDMS import has no date") }
        return PDMSImportRecord(importID: try row.int64("import_id"), importedOn: date,
                                sourceFile: try row.string("source_file"), rowCount: try row.int("row_count"))
    }

    /// One educator's activities in the import, in completion order, each with the award of ours
    /// it stands for (`pdms_our_award` as of `asOf`), `nil` for an activity of PDMS's own.
    public func pdmsActivities(of pdmsImport: PDMSImportRecord, educatorID: String, asOf: CalendarDate) throws
        -> [(activity: PDMSActivity, ourAward: String?, inTerm: Bool)] {
        try connection.query("""
            SELECT p.line, p.activity_title, p.provider, p.completion_date::text AS completed,
                   (p.clock_hours * 100)::bigint AS hundredths, p.credential_id, p.record_id,
                   pdms_our_award(p, \(asOf.description)::date) AS ours,
                   coalesce(\(unescaped: Self.inTerm), false) AS in_term
            FROM pdms_activities p JOIN educators e USING (educator_id)
            WHERE p.import_id = \(pdmsImport.importID) AND p.educator_id = \(educatorID)
            ORDER BY p.completion_date, p.line
            """).map { row in
            guard let date = CalendarDate(try row.string("completed")) else { throw StoreError("a PDMS activity has no date") }
            return (PDMSActivity(line: try row.int("line"), educatorID: educatorID,
                                 activityTitle: try row.string("activity_title"), provider: row["provider"],
                                 completionDate: date, clockHours: ClockHours(hundredths: try row.int("hundredths")),
                                 credentialID: row["credential_id"], recordID: row["record_id"]),
                    row["ours"], try row.bool("in_term"))
        }
    }

    /// An activity `p` of educator `e` counts only when completed within the current term, both
    /// days included (SPEC §6); without a term on record, none does.
    private static let inTerm = "in_license_term(p.completion_date, e.license_start, e.license_end)"

    /// `other_hours` by educator id (SPEC §6): hours of the import's activities completed within
    /// each educator's current term that are not our own credits (`pdms_our_award`, as of
    /// `asOf`). Educators without such hours are absent; with `educatorID`, only that one.
    public func otherHours(of pdmsImport: PDMSImportRecord, asOf: CalendarDate,
                           educatorID: String? = nil) throws -> [String: ClockHours] {
        var hours: [String: ClockHours] = [:]
        for row in try connection.query("""
            SELECT p.educator_id, (sum(p.clock_hours) * 100)::bigint AS hundredths
            FROM pdms_activities p JOIN educators e USING (educator_id)
            WHERE p.import_id = \(pdmsImport.importID)
              AND (\(educatorID)::text IS NULL OR p.educator_id = \(educatorID))
              AND \(unescaped: Self.inTerm)
              AND pdms_our_award(p, \(asOf.description)::date) IS NULL
            GROUP BY p.educator_id
            """) {
            hours[try row.string("educator_id")] = ClockHours(hundredths: try row.int("hundredths"))
        }
        return hours
    }
}
