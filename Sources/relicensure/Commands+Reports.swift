import ArgumentParser
import Foundation
import Relicensure
import RelicensureApp

extension Relicensure {
    struct Report: CommandGroup {
        static let configuration = CommandConfiguration(
            abstract: "Write the monthly HR workbook or the reconciliation with PDMS, or show every educator's progress.",
            subcommands: [Monthly.self, ProgressCommand.self, Reconcile.self])

        struct Reconcile: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set our exported credits against the latest PDMS import; write the findings to reports/reconcile/.",
                discussion: """
                    Findings: missing_in_pdms (exported more than pdms.grace_days days before the PDMS import, not \
                    in PDMS), reversed_but_in_pdms, hours_differ, unknown_to_us (a micro-credential in PDMS no award \
                    of ours accounts for). Needs a PDMS import (relicensure pdms import) dated on or before the as-of day.
                    """)

            @OptionGroup var common: CommonOptions

            @Option(help: ArgumentHelp("Reconcile as of this day (default: today in state.time_zone).", valueName: "YYYY-MM-DD"))
            var asOf: String?

            func run() throws {
                let session = try common.session(asOf: asOf)
                let written = try reportingFailures { try ReconcileReport.run(session: session) }
                let counts = written.counts
                let parts = PDMSFinding.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                printLine("Reconciled with the PDMS import of \(written.importedOn) as of \(session.asOf): "
                          + "\(written.findings.rows.count) findings (\(parts)).")
                for file in written.files { printLine("  \(file)") }
            }
        }

        struct Monthly: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the monthly HR workbook and its CSV files to reports/monthly/.",
                discussion: """
                    Sheets: Summary, Credits (entries posted in the month), Progress (every active educator), \
                    Pending (awaiting district approval), Exceptions (awards first seen in the month and not \
                    credited), Open (every exception not resolved, whatever its month). The same sheets are written \
                    as CSV files to reports/monthly/YYYY-MM/.
                    """)

            @OptionGroup var common: CommonOptions

            @Option(help: ArgumentHelp("The month to report (default: the month before the as-of date).",
                                       valueName: "YYYY-MM"))
            var month: String?

            @Option(help: ArgumentHelp("Report as of this day (default: today in state.time_zone).", valueName: "YYYY-MM-DD"))
            var asOf: String?

            func run() throws {
                let session = try common.session(asOf: asOf)
                let written = try reportingFailures { try MonthlyReport.run(session: session, monthOption: month) }
                let count = { (sheet: String) in written.rowCounts[sheet] ?? 0 }
                printLine("Monthly report for \(written.month) as of \(session.asOf): \(count("Credits")) ledger entries, "
                          + "\(count("Progress")) active educators, \(count("Pending")) awards pending approval, "
                          + "\(count("Exceptions")) exceptions, \(count("Open")) open exceptions in all.")
                for file in written.files { printLine("  \(file)") }
            }
        }

        struct ProgressCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "progress",
                abstract: "Show every active educator's hours this term, what remains and their status.",
                discussion: """
                    Most urgent first: ending_short, then behind, each by term end. Hours are credited_hours (our \
                    ledger), other_hours (the latest PDMS import, not counting our own credits) and total_hours; \
                    status and remaining_hours are on total_hours. Status, the first that applies: advanced_license, \
                    complete, ending_short (term ended or ends within 90 days, short of hours), behind (a smaller \
                    share of the hours than of the term), on_track.
                    """)

            @OptionGroup var common: CommonOptions
            @OptionGroup var shown: ShownReportOptions

            @Option(help: ArgumentHelp("Only this district's educators (default: all).", valueName: "code"))
            var district: String?

            @Option(help: ArgumentHelp("Only this school's educators, by school_code (default: all).", valueName: "code"))
            var school: String?

            @Option(help: ArgumentHelp("Only educators with this status (default: all).", valueName: "status"))
            var status: ProgressStatusOption?

            func run() throws {
                let session = try common.session(asOf: shown.asOf)
                let filter = ProgressFilter(district: district, school: school, status: status?.status)
                let (table, source) = try reportingFailures { try ProgressReport.table(session: session, filter: filter) }
                let text = table.rows.isEmpty ? "No active educator matches." : table.text
                try shown.format.print(text: "Other hours: \(source).\n" + text, csv: table.csv, json: table.json)
            }
        }
    }

    struct EducatorCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "educator",
            abstract: "Show one educator's transcript: term, hours, and every award with its outcome.")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The educator's id, or one of their e-mail addresses.", valueName: "id-or-email"))
        var key: String

        @OptionGroup var shown: ShownReportOptions

        func run() throws {
            let session = try common.session(asOf: shown.asOf)
            let transcript = try reportingFailures { try EducatorTranscript.build(session: session, key: key) }
            try shown.format.print(text: transcript.text, csv: transcript.awardTable.csv, json: transcript.json)
        }
    }
}

/// The options of the commands that show a report on standard output.
struct ShownReportOptions: ParsableArguments {
    @Option(help: "text, csv or json (a transcript's CSV has one row per award).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Report as of this day (default: today in state.time_zone).", valueName: "YYYY-MM-DD"))
    var asOf: String?
}

extension OutputFormat {
    /// Prints a report in this format on standard output: CSV exactly as written (CRLF line
    /// ends), text and JSON with a final line break.
    func print(text: @autoclosure () -> String, csv: @autoclosure () -> Data, json: () throws -> Data) throws {
        switch self {
        case .text: printLine(text())
        case .csv: FileHandle.standardOutput.write(csv())
        case .json: printLine(String(decoding: try reportingFailures(json), as: UTF8.self))
        }
    }
}

/// `report progress --status` values: the statuses of SPEC §6.
struct ProgressStatusOption: ExpressibleByArgument {
    let status: ProgressStatus

    init?(argument: String) {
        guard let status = ProgressStatus(rawValue: argument) else { return nil }
        self.status = status
    }

    static var allValueStrings: [String] { ProgressStatus.allCases.map(\.rawValue) }
}
