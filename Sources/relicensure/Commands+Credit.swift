import ArgumentParser
import Foundation
import Relicensure
import RelicensureApp

extension Relicensure {
    struct Approvals: CommandGroup {
        static let configuration = CommandConfiguration(
            abstract: "Manage the districts' per-educator decisions about external badges.",
            subcommands: [Import.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a CSV of district decisions (SPEC §4.2); every decision is kept.",
                discussion: """
                    Columns (any order, any case): educator_id, badge_id (the BadgeClass / Achievement id), \
                    decision (approved or denied), hours (optional: overrides the rule's hours, 0 to \
                    state.required_hours), decided_by, decided_on (YYYY-MM-DD), note (optional). For one educator \
                    and badge the decision with the latest decided_on wins (on the same day the one imported \
                    last); a decision dated after a run's as-of date is not yet in force. Bad rows are reported \
                    by line and skipped; a missing required column exits 2. The next nightly run applies the \
                    decisions, reversing a posted external credit whose latest decision is denied.
                    """)

            @OptionGroup var common: CommonOptions

            @Argument(help: ArgumentHelp("The approvals CSV file.", valueName: "file.csv"))
            var file: String

            @Flag(help: "Import nothing and exit 1 if any row is bad or needs a look.")
            var strict = false

            func run() throws {
                let session = try common.session()
                let summary = try reportingFailures {
                    try ApprovalsImport.run(session: session, file: file, strict: strict)
                }
                printSkipped(summary.skipped + summary.questioned)
                printLine("Imported \(summary.imported) decisions; skipped \(summary.skipped.count) bad rows"
                          + (summary.questioned.isEmpty ? "." : "; \(summary.questioned.count) imported rows need a look (above)."))
            }
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a posted credit: reverse it, or set its hours (who and why are recorded).",
            discussion: """
                --reverse posts a REVERSE of the award's standing hours; --hours H posts the difference \
                between H and the standing hours as a REVERSE (fewer hours) or an ADD (more hours). The entry \
                is kind 'correction' in the ledger, carries --by and --reason, and is posted with the as-of \
                date. It is exported at once: the command writes a new PDMS import file holding the entry to \
                reports/pdms/ (the next nightly run has nothing left to export for it). The command waits for \
                no one: while a nightly run holds the lock it exits 3. An award that does not exist, has no \
                standing credit, or already stands at H hours is refused with exit 2.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The award's id (the credential_id of the PDMS file).", valueName: "award-id"))
        var awardID: String

        @Flag(help: "Reverse every standing hour of the credit.")
        var reverse = false

        @Option(parsing: .unconditional,
                help: ArgumentHelp("The hours the credit should have (0 or more, such as 10 or 7.5).", valueName: "H"))
        var hours: String?

        @Option(help: ArgumentHelp("Who decides the correction (kept in the ledger).", valueName: "name"))
        var by: String

        @Option(help: ArgumentHelp("Why (kept in the ledger).", valueName: "text"))
        var reason: String

        @Option(help: ArgumentHelp("Post as of this day (default: today in state.time_zone).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Flag(help: "Print what would be posted; write nothing.")
        var dryRun = false

        func validate() throws {
            guard reverse != (hours != nil) else {
                throw ValidationError("give exactly one of --reverse and --hours H")
            }
            if let hours {
                guard let value = ClockHours(hours) else {
                    throw ValidationError("--hours '\(hours)' is not a number of hours such as 10 or 7.5")
                }
                guard value >= .zero else {
                    throw ValidationError("--hours \(value) is negative; give the hours the credit should have (0 or more), or use --reverse")
                }
            }
            guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--by must name who decides") }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why") }
        }

        func run() throws {
            let session = try common.session(asOf: asOf)
            let change: Correction.Change = hours.flatMap { ClockHours($0) }.map { .setHours($0) } ?? .reverse
            let correction = Correction(awardID: awardID, change: change,
                                        recordedBy: by.trimmingCharacters(in: .whitespaces),
                                        reason: reason.trimmingCharacters(in: .whitespaces))
            let summary = try reportingFailures {
                try CreditCorrection.run(session: session, correction: correction, dryRun: dryRun)
            }
            let posting = summary.posting
            let verb = summary.dryRun ? "Would post" : "Posted"
            printLine("\(verb) \(posting.action.rawValue) \(posting.hours) h for award \(posting.awardID) "
                      + "(educator \(posting.educatorID)): \(summary.hoursBefore) h → \(summary.hoursAfter) h, as of \(summary.asOf).")
            for file in summary.pdmsFiles { printLine("PDMS import file: \(file)") }
        }
    }
}

/// Bad rows of an import, one per line on standard error.
func printSkipped(_ problems: [String]) {
    for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
}
