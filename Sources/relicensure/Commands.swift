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

    struct Roster: CommandGroup {
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

            @Flag(help: "Import nothing and exit 1 if any row is bad or needs a look.")
            var strict = false

            func run() throws {
                let session = try common.session()
                let summary = try reportingFailures {
                    try RosterImport.run(session: session, file: file, full: full, strict: strict)
                }
                printSkipped(summary.skipped + summary.questioned)
                var line = "Imported \(summary.imported) educators; skipped \(summary.skipped.count) bad rows"
                    + (summary.questioned.isEmpty ? "." : "; \(summary.questioned.count) imported rows need a look (above).")
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
            if !summary.unreadable.isEmpty { throw ExitCode(NightlyJob.needsAttentionExitCode) }
        }
    }

    struct Export: CommandGroup {
        static let configuration = CommandConfiguration(
            abstract: "Write export files again.", subcommands: [PDMS.self])

        struct PDMS: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "pdms", abstract: "Write a recorded PDMS batch again, byte for byte.")

            @OptionGroup var common: CommonOptions

            @Option(help: "The batch number (the last part of the file name).")
            var batch: Int64

            @Option(help: ArgumentHelp("Not used: a batch is written with the as-of date it was recorded with.",
                                       valueName: "YYYY-MM-DD"))
            var asOf: String?

            func validate() throws {
                if asOf != nil {
                    throw ValidationError("export pdms writes batch \(batch) with the as-of date it was recorded with; "
                                          + "leave out --as-of (`relicensure status` shows each run's as-of date)")
                }
            }

            func run() throws {
                let session = try common.session()
                let path = try reportingFailures { try PDMSExport.run(session: session, batchID: batch) }
                printLine("PDMS batch \(batch) written to \(path)")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the last runs and what is waiting.")

        @OptionGroup var common: CommonOptions

        @Option(help: "text or json.")
        var format: StatusFormat = .text

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

/// `status --format` values: the runs and the waiting counts have no one table a CSV could hold.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A command that only groups subcommands: called alone it is a usage error (exit 2), not a
/// silent success that a crontab line with a missing word would take for a done job.
protocol CommandGroup: ParsableCommand {}

extension CommandGroup {
    func run() throws {
        let names = Self.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
        throw ValidationError("choose what to do: \(names)")
    }
}
