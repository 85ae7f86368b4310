import ArgumentParser
import Foundation
import Logging
import RelicensureApp
import RelicensureConfig
import RelicensureStore
import RelicensureWeb

/// `users add --role` values: the account roles of SPEC §8.
enum AccountRole: String, ExpressibleByArgument, CaseIterable {
    case state, district, school

    var role: WebAccount.Role {
        switch self {
        case .state: .state
        case .district: .district
        case .school: .school
        }
    }
}

extension Relicensure {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the administrators' web door (dashboard, educators, transcripts, approvals).",
            discussion: """
                Reads the same database as the nightly job. Accounts are made with `relicensure users add`. \
                HTTPS comes from the district's reverse proxy, or from web.tls in the configuration. \
                GET /healthz answers ok without logging in.
                """)

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp("Where to listen (default: web.listen, else 127.0.0.1:8080).", valueName: "host:port"))
        var listen: String?

        func validate() throws {
            if let listen, HostAndPort(listen) == nil {
                throw ValidationError("--listen '\(listen)' is not HOST:PORT such as 127.0.0.1:8080")
            }
        }

        func run() async throws {
            let session = try common.session()
            let text = listen ?? session.configuration.web.listen
            guard let address = HostAndPort(text) else { throw ValidationError("'\(text)' is not HOST:PORT") }
            // Fails now, with the one-line message, when the database is out of reach or behind.
            _ = try reportingFailures { try session.openStore() }
            var logger = Logger(label: "relicensure.web")
            logger.logLevel = common.verbose ? .debug : .info
            printLine("Serving the web door on http\(session.configuration.web.tls == nil ? "" : "s")://\(text)/")
            try await WebDoor.serve(session: session, listen: address, logger: logger)
        }
    }

    struct Users: CommandGroup {
        static let configuration = CommandConfiguration(
            abstract: "Manage the web door's accounts.",
            subcommands: [Add.self, List.self, Disable.self, Password.self, Token.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an account; its password is read from standard input.",
                discussion: "state sees every district, district one district, school one school of one district.")

            @OptionGroup var common: CommonOptions
            @Argument(help: "The login.") var login: String
            @Option(help: "state, district or school.") var role: AccountRole
            @Option(help: ArgumentHelp("The district's code (district and school accounts).", valueName: "code"))
            var district: String?
            @Option(help: ArgumentHelp("The school's code (school accounts).", valueName: "code"))
            var school: String?
            @Flag(help: "May approve or deny external badges (not for school accounts).") var canApprove = false
            @OptionGroup var password: PasswordInput

            func run() throws {
                let session = try common.session()
                let password = try password.read()
                try reportingFailures {
                    try WebAccounts.add(session: session, account: WebAccount(
                        login: login, role: role.role, districtCode: district, schoolCode: school, canApprove: canApprove),
                        password: password)
                }
                printLine("Added \(role.rawValue) account \(login).")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts.")
            @OptionGroup var common: CommonOptions

            func run() throws {
                let session = try common.session()
                let accounts = try reportingFailures { try WebAccounts.list(session: session) }
                if accounts.isEmpty { printLine("No accounts; add one with `relicensure users add`.") }
                for account in accounts {
                    let scope = [account.districtCode.map { "district \($0)" }, account.schoolCode.map { "school \($0)" }]
                        .compactMap { $0 }.joined(separator: ", ")
                    printLine([account.login, account.role.rawValue, scope.isEmpty ? "every district" : scope,
                               account.canApprove ? "can approve" : "", account.isDisabled ? "disabled" : ""]
                        .filter { !$0.isEmpty }.joined(separator: "  "))
                }
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable an account: its sessions and tokens stop working.")
            @OptionGroup var common: CommonOptions
            @Argument(help: "The login.") var login: String

            func run() throws {
                let session = try common.session()
                try reportingFailures { try WebAccounts.disable(session: session, login: login) }
                printLine("Disabled \(login).")
            }
        }

        struct Password: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set an account's password from standard input; its sessions end.")
            @OptionGroup var common: CommonOptions
            @Argument(help: "The login.") var login: String
            @OptionGroup var password: PasswordInput

            func run() throws {
                let session = try common.session()
                let password = try password.read()
                try reportingFailures { try WebAccounts.setPassword(session: session, login: login, password: password) }
                printLine("Changed the password of \(login).")
            }
        }

        struct Token: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a new bearer token for the JSON API (/api/…); `users disable` revokes it.")
            @OptionGroup var common: CommonOptions
            @Argument(help: "The login.") var login: String

            func run() throws {
                let session = try common.session()
                printLine(try reportingFailures { try WebAccounts.makeToken(session: session, login: login) })
            }
        }
    }
}

/// `--password-stdin`: a password is never an argument, where `ps` and the shell's history see it.
struct PasswordInput: ParsableArguments {
    @Flag(help: "Read the password (at least 12 characters) from standard input.") var passwordStdin = false

    func validate() throws {
        guard passwordStdin else { throw ValidationError("give --password-stdin and the password on standard input") }
    }

    /// The first line of standard input, without its line end.
    func read() throws -> String {
        guard let line = readLine(strippingNewline: true) else {
            throw ValidationError("no password on standard input")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
