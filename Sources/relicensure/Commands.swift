import ArgumentParser
import Foundation
import RelicensureApp

extension Relicensure {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the database migrations in sql/ that are not applied yet.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.session()
            let applied = try reportingFailures { try RelicensureApp.Migrate.run(session: session) }
            printLine(applied.isEmpty ? "The database schema is up to date." : "Applied \(applied.joined(separator: ", ")).")
        }
    }

    struct Roster: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the roster of educators.", subcommands: [Import.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import the roster CSV (an upsert by educator_id).",
                discussion: "Bad rows are reported by line and skipped; the rest is imported.")

            @OptionGroup var common: CommonOptions

            @Argument(help: ArgumentHelp("The roster CSV file.", valueName: "file.csv"))
            var file: String

            @Flag(help: "Educators missing from the file become inactive (never deleted).")
            var full = false

            @Flag(help: "Import nothing and exit 1 if any row is bad.")
            var strict = false

            func run() throws {
                let session = try common.session()
                let summary = try reportingFailures {
                    try RosterImport.run(session: session, file: file, full: full, strict: strict)
                }
                printSkipped(summary.skipped)
                var line = "Imported \(summary.imported) educators; skipped \(summary.skipped.count) bad rows."
                if full { line += " \(summary.deactivated) made inactive." }
                printLine(line)
            }
        }
    }

    struct Nightly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest new badges, credit hours and write the PDMS import file.")

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp("Evaluate as of this day (default: today in state.time_zone).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Flag(help: "Evaluate and print what would be posted; write nothing.")
        var dryRun = false

        func run() throws {
            let session = try common.session(asOf: asOf)
            let summary = try reportingFailures { try NightlyJob.run(session: session, dryRun: dryRun) }
            printLine(NightlySummaryText.render(summary))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write export files again.", subcommands: [PDMS.self])

        struct PDMS: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "pdms", abstract: "Write a recorded PDMS batch again, byte for byte.")

            @OptionGroup var common: CommonOptions

            @Option(help: "The batch number (the last part of the file name).")
            var batch: Int64

            @Option(help: ArgumentHelp("Accepted for symmetry with other commands; a batch keeps its own date.", valueName: "YYYY-MM-DD"))
            var asOf: String?

            func run() throws {
                let session = try common.session(asOf: asOf)
                let path = try reportingFailures { try PDMSExport.run(session: session, batchID: batch) }
                printLine("PDMS batch \(batch) written to \(path)")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the last runs and what is waiting.")

        @OptionGroup var common: CommonOptions

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let session = try common.session()
            printLine(try reportingFailures { try RelicensureApp.Status.run(session: session, json: format == .json) })
        }
    }
}

/// `--format` values.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}
