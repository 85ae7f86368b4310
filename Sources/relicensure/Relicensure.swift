import ArgumentParser
import RelicensureApp

/// The `relicensure` command line: one subcommand per job of SPEC §2.
struct Relicensure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relicensure",
        abstract: "Credits Delaware educators' micro-credential badges as re-licensure clock hours.",
        discussion: """
            Every night `relicensure nightly` reads the awarded badges in the inbox, credits hours under \
            the state's and the district's rules into the PostgreSQL ledger, and writes the PDMS import \
            file to reports/pdms/. Exit codes: 0 done, 1 failed, 2 usage or configuration error, \
            3 another run holds the lock, 4 done but a person must look (files or folders that could not be read).
            """,
        version: ProductVersion.line,
        subcommands: [Migrate.self, Roster.self, Approvals.self, PDMSTranscript.self, Nightly.self, Correct.self, Report.self,
                      EducatorCommand.self, Export.self,
                      Status.self, Serve.self, Users.self])
}

/// Options every subcommand takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (default: $RELICENSURE_CONFIG, else ./relicensure.yaml).", valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Log debug events too (they may name files and ids).")
    var verbose = false
}
