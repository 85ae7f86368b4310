import Foundation
public import OpenBadges
import Relicensure
import RelicensureConfig
import RelicensureStore

/// `relicensure pdms import FILE.csv [--strict]` (SPEC §4.5): the PDMS transcript export,
/// recorded as the newest snapshot of what PDMS holds, dated by the session's as-of date. It
/// only counts towards `other_hours` and the reconciliation (§9): nothing from it is ever
/// posted to the ledger or exported back to PDMS.
public enum PDMSImport {
    /// What an import did, for the command's summary line.
    public struct Summary: Sendable {
        public let imported: Int
        /// `FILE:line N: problem`, one per bad row.
        public let skipped: [String]
        /// `FILE:line N: question`, one per row imported that a person should look at.
        public var questioned: [String] = []
        /// The snapshot's date.
        public let importedOn: CalendarDate
    }

    /// The most hours one activity may hold: the ledger's column allows no more.
    static let maximumHours = ClockHours(1000)

    public static func run(session: Session, file: String, strict: Bool) throws -> Summary {
        let settings = session.configuration.pdmsTranscript
        let table = try CSVTable.read(file: file, required: PDMSTranscriptSettings.requiredColumns,
                                      renamed: settings.columnNames)
        let (rows, rowProblems) = table.records { activity(from: $0, settings: settings) }
        let (activities, problems) = withoutRepeatedRecords(rows, problems: rowProblems, settings: settings)
        let store = try session.openStore()
        // A row for an id that is not on the roster is kept (PDMS knows educators our roster may
        // not list yet) but questioned: its hours count for nobody until the roster has them.
        let known = try store.knownEducatorIDs(among: activities.map(\.educatorID))
        let questioned = activities.filter { !known.contains($0.educatorID) }.map {
            CSVTable.RowProblem(line: $0.line, message: "\(settings.exportName(of: "educator_id")) '\($0.educatorID)' is not on "
                                + "the roster; its hours count for nobody until the roster lists the educator")
        }
        try CSVTable.screen(problems, questioned: questioned, file: file, strict: strict, logger: session.logger)
        let source = URL(fileURLWithPath: file).standardizedFileURL.path
        let digest = ContentHash.sha256Hex((try? Data(contentsOf: URL(fileURLWithPath: source))) ?? Data())
        try store.transaction {
            _ = try store.recordPDMSImport(activities, importedOn: session.asOf, sourceFile: source, sha256: digest,
                                           skippedRows: problems.count)
        }
        session.logger.info("PDMS transcript imported", metadata: [
            "file": "\(file)", "imported": "\(activities.count)", "skipped": "\(problems.count)",
            "imported_on": "\(session.asOf)"])
        return Summary(imported: activities.count, skipped: problems.map { "\(file):\($0)" },
                       questioned: questioned.map { "\(file):\($0)" }, importedOn: session.asOf)
    }

    /// A PDMS record exported twice (a report run over overlapping dates, two exports pasted
    /// together) would count its hours twice: the later row with the same `record_id` is a bad row.
    static func withoutRepeatedRecords(_ rows: [PDMSActivity], problems: [CSVTable.RowProblem],
                                       settings: PDMSTranscriptSettings) -> ([PDMSActivity], [CSVTable.RowProblem]) {
        var seen: [String: Int] = [:]
        var kept: [PDMSActivity] = []
        var problems = problems
        for activity in rows {
            if let record = activity.recordID {
                if let first = seen[record] {
                    problems.append(.init(line: activity.line, message: "\(settings.exportName(of: "record_id")) '\(record)' "
                                          + "already appears on line \(first); the later row was skipped"))
                    continue
                }
                seen[record] = activity.line
            }
            kept.append(activity)
        }
        return (kept, problems.sorted { $0.line < $1.line })
    }

    /// A checked row. Problems name the export's own column names, which are what HR sees.
    static func activity(from row: CSVTable.Row, settings: PDMSTranscriptSettings) -> Result<PDMSActivity, CSVTable.RowProblem> {
        func problem(_ message: String) -> Result<PDMSActivity, CSVTable.RowProblem> {
            .failure(.init(line: row.line, message: message))
        }
        let name = settings.exportName(of:)
        // Each cell is read (and trimmed) once; the first empty required column is named.
        guard let educatorID = row["educator_id"], let title = row["activity_title"],
              let dateText = row["completion_date"], let hoursText = row["clock_hours"] else {
            let empty = PDMSTranscriptSettings.requiredColumns.first { row[$0] == nil }
            return problem("\(empty.map(name) ?? "a required value") is empty")
        }
        guard let date = CalendarDate(dateText) else {
            return problem("\(name("completion_date")) '\(dateText)' is not a date written YYYY-MM-DD")
        }
        guard let hours = ClockHours(hoursText) else {
            return problem("\(name("clock_hours")) '\(hoursText)' is not a number of hours such as 10 or 7.5")
        }
        guard hours >= .zero, hours <= maximumHours else {
            return problem("\(name("clock_hours")) \(hours) is outside 0…\(maximumHours)")
        }
        return .success(PDMSActivity(line: row.line, educatorID: educatorID, activityTitle: title,
                                     provider: row["provider"], completionDate: date, clockHours: hours,
                                     credentialID: row["credential_id"], recordID: row["record_id"]))
    }
}
