import Foundation
public import OpenBadges
public import Relicensure
import RelicensureConfig
import RelicensureStore
public import Reports

/// `relicensure report reconcile [--as-of DATE]` (SPEC §9): what we credited and exported set
/// against the latest PDMS transcript import, one row per finding, as a workbook and CSV.
public enum ReconcileReport {
    /// What was found and written.
    public struct Written: Sendable {
        /// The PDMS import reconciled against.
        public let importedOn: CalendarDate
        public let findings: ReportTable
        /// The workbook, then the CSV file.
        public let files: [String]

        /// How many findings of each kind.
        public var counts: [PDMSFinding: Int] {
            let column = findings.column(named: "finding") ?? 0
            var counts: [PDMSFinding: Int] = [:]
            for row in findings.rows {
                if case .text(let code) = row[column], let finding = PDMSFinding(rawValue: code) { counts[finding, default: 0] += 1 }
            }
            return counts
        }
    }

    /// Writes the reconciliation, recorded as a run (as `report monthly` is) with its counts by
    /// finding, so that `status` shows when it was last written.
    public static func run(session: Session) throws -> Written {
        let store = try session.openStore()
        guard let found = try findings(store: store, session: session) else {
            throw AppError(.usage, "No PDMS import is on record as of \(session.asOf): there is nothing to reconcile "
                           + "with. Import the PDMS transcript export first (relicensure pdms import FILE.csv)")
        }
        let runID = try store.beginRun(command: "report reconcile", asOf: session.asOf, dryRun: false,
                                       configChecksum: session.configChecksum)
        do {
            let written = try write(found, session: session)
            let counts = Dictionary(uniqueKeysWithValues: PDMSFinding.allCases.map { ($0.rawValue, written.counts[$0] ?? 0) })
            try store.finishRun(runID, succeeded: true, countsJSON: countsJSON(counts), message: nil)
            return written
        } catch {
            try? store.finishRun(runID, succeeded: false, countsJSON: "{}", message: "\(error)")
            throw error
        }
    }

    private static func countsJSON(_ counts: [String: Int]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: counts, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func write(_ found: (PDMSImportRecord, [ReconcileLine]), session: Session) throws -> Written {
        let (pdmsImport, lines) = found
        let table = ReportTable(name: "Reconcile", columns: ReconcileFiles.columns, rows: lines.map(row))
        let files: [String]
        do {
            files = try ReconcileFiles.write(table, title: "Reconciliation with PDMS as of \(session.asOf) "
                                             + "(PDMS import of \(pdmsImport.importedOn))",
                                             reportsFolder: session.configuration.reports, asOf: session.asOf)
        } catch {
            throw AppError(.failed, "the reconciliation as of \(session.asOf) could not be written: \(error)")
        }
        session.logger.info("reconciliation written", metadata: [
            "as_of": "\(session.asOf)", "pdms_import": "\(pdmsImport.importedOn)", "findings": "\(lines.count)",
            "workbook": "\(files.first ?? "")"])
        return Written(importedOn: pdmsImport.importedOn, findings: table, files: files)
    }

    /// The findings as of the session's day, with the import they were made against; `nil`
    /// when no PDMS import is on record by then. `status` counts them too.
    static func findings(store: Store, session: Session) throws -> (PDMSImportRecord, [ReconcileLine])? {
        try store.readingSnapshot {
            guard let pdmsImport = try store.latestPDMSImport(asOf: session.asOf) else { return nil }
            let rules = session.configuration.rules
            let external = rules.districts.values.flatMap(\.issuers)
            let basis = ReconcileBasis(pdmsImport: pdmsImport, asOf: session.asOf,
                                       graceDays: session.configuration.pdmsTranscript.graceDays,
                                       issuerIDs: Array(rules.ddoe.issuerIDs) + external.map(\.issuerID),
                                       issuerNames: external.map(\.name))
            return (pdmsImport, try store.reconcile(basis))
        }
    }

    static func row(_ line: ReconcileLine) -> [ReportValue] {
        [.text(line.finding.rawValue), .text(line.educatorID), .text(line.lastName), .text(line.firstName),
         .text(line.districtCode), .text(line.credentialID), .text(line.activityTitle), .date(line.completionDate),
         line.ourHours.map { .hours($0) } ?? .empty, line.pdmsHours.map { .hours($0) } ?? .empty,
         line.batch.map { .count(Int($0)) } ?? .empty, .text(line.finding.whatToDo(batch: line.batch))]
    }
}
