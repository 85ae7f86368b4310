import ArgumentParser
import Foundation
import RelicensureApp

extension Relicensure {
    struct PDMSTranscript: CommandGroup {
        static let configuration = CommandConfiguration(
            commandName: "pdms", abstract: "Record what PDMS already holds (its transcript export).",
            subcommands: [Import.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import the PDMS transcript export: every activity PDMS holds, as a snapshot.",
                discussion: """
                    Columns (names case-insensitive, renamed by pdms.transcript_columns in the configuration): \
                    educator_id, activity_title, provider, completion_date (YYYY-MM-DD), clock_hours, and optionally \
                    credential_id and record_id. The import replaces the previous snapshot for reports as of its \
                    date or later (earlier ones are kept for audit). Its hours count as other_hours, except rows that \
                    are our own credits; nothing is posted to the ledger. Bad rows are reported by line and skipped.
                    """)

            @OptionGroup var common: CommonOptions

            @Argument(help: ArgumentHelp("The PDMS transcript export.", valueName: "file.csv"))
            var file: String

            @Flag(help: "Import nothing and exit 1 if any row is bad or needs a look.")
            var strict = false

            @Option(help: ArgumentHelp("Date the snapshot this day (default: today in state.time_zone).",
                                       valueName: "YYYY-MM-DD"))
            var asOf: String?

            func run() throws {
                let session = try common.session(asOf: asOf)
                let summary = try reportingFailures { try PDMSImport.run(session: session, file: file, strict: strict) }
                printSkipped(summary.skipped + summary.questioned)
                printLine("Imported \(summary.imported) PDMS activities as the snapshot of \(summary.importedOn); "
                          + "skipped \(summary.skipped.count) bad rows"
                          + (summary.questioned.isEmpty ? "." : "; \(summary.questioned.count) imported rows need a look (above)."))
            }
        }
    }
}
