import Foundation
import OpenBadges
import Relicensure
import RelicensureConfig
import Testing

@Suite("Configuration file (SPEC §3)")
struct ConfigurationTests {
    func parse(_ text: String) throws -> Configuration {
        try ConfigurationLoader.parse(text, file: "/etc/relicensure/relicensure.yaml")
    }

    func error(_ text: String) -> ConfigurationError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            return nil
        }
    }

    static let minimal = """
        inbox: ./inbox
        reports: ./reports
        ddoe:
          issuers: ["https://badges.doe.k12.de.us/issuers/ddoe"]
        """

    @Test("The example configuration loads with its districts, rules and paths")
    func example() throws {
        let path = Workspace.checkout.appendingPathComponent("examples/relicensure.yaml").path
        let config = try ConfigurationLoader.load(path: path)
        #expect(config.inbox == Workspace.checkout.appendingPathComponent("examples/inbox").standardizedFileURL.path)
        #expect(config.reports == Workspace.checkout.appendingPathComponent("reports").standardizedFileURL.path)
        #expect(config.rules.ddoe.hoursPerCredential == ClockHours(10))
        let redClay = try #require(config.rules.districts["31"])
        #expect(redClay.externalCap == ClockHours(45))
        let nea = try #require(redClay.issuers.first)
        #expect(nea.approval == .perEducator)
        #expect(nea.badgeHours["https://api.badgr.io/public/badges/nea-classroom-mgmt"] == ClockHours(15))
        #expect(nea.from == CalendarDate("2024-07-01"))
        #expect(config.pdmsColumns == Configuration.knownPDMSColumns)
        #expect(config.pdmsTranscript.exportName(of: "clock_hours") == "Clock Hours")
        #expect(config.pdmsTranscript.exportName(of: "provider") == "provider")
        #expect(config.pdmsTranscript.graceDays == 14)
    }

    @Test("Only inbox, reports and ddoe.issuers are required; the rest defaults as SPEC §3 says")
    func defaults() throws {
        let config = try parse(Self.minimal)
        #expect(config.inbox == "/etc/relicensure/inbox")
        #expect(config.uploads == nil)
        #expect(config.database == nil)
        #expect(config.timeZone.identifier == "America/New_York")
        #expect(config.rules.requiredHours == ClockHours(90))
        #expect(config.rules.microCredentialCap == nil)
        #expect(config.verification.fetch)
        #expect(!config.verification.allowPrivate)
        #expect(config.pdmsTranscript.columnNames.isEmpty && config.pdmsTranscript.graceDays == 14)
    }

    @Test("pdms.transcript_columns knows only our column names; grace_days is a whole number of days")
    func transcriptColumns() throws {
        let unknown = try #require(error(Self.minimal + "\npdms:\n  transcript_columns:\n    clock_hour: Hours\n"))
        #expect(unknown.line == 7)
        #expect(unknown.message.contains("unknown key 'clock_hour'") && unknown.message.contains("clock_hours"))
        let twice = try #require(error(Self.minimal + "\npdms:\n  transcript_columns: {educator_id: ID, record_id: id}\n"))
        #expect(twice.message.contains("one PDMS column for two of ours"))
        let grace = try #require(error(Self.minimal + "\npdms:\n  grace_days: two weeks\n"))
        #expect(grace.line == 6 && grace.message.contains("pdms.grace_days"))
    }

    @Test("An unknown key names the file, the line and the key it resembles")
    func unknownKey() throws {
        let text = Self.minimal + """

            districts:
              - code: "31"
                name: "Red Clay"
                issuers:
                  - id: "https://api.badgr.io/public/issuers/nea"
                    hours: 10
                    aproval: per-educator
            """
        let problem = try #require(error(text))
        #expect(problem.description.hasPrefix("/etc/relicensure/relicensure.yaml:11: unknown key 'aproval'"))
        #expect(problem.description.contains("did you mean 'approval'?"))
    }

    @Test("Wrong types are errors on their own line", arguments: [
        ("state:\n  required_hours: ninety\n", 6, "required_hours"),
        ("state:\n  time_zone: Mars/Olympus\n", 6, "time_zone"),
        ("verification:\n  fetch: sometimes\n", 6, "fetch"),
        ("districts: 31\n", 5, "districts"),
    ])
    func wrongType(extra: String, line: Int, key: String) throws {
        let problem = try #require(error(Self.minimal + "\n" + extra))
        #expect(problem.line == line)
        #expect(problem.message.contains(key))
    }

    @Test("Missing required settings are named")
    func missing() throws {
        let problem = try #require(error("inbox: ./inbox\nddoe:\n  issuers: []\n"))
        #expect(problem.message.contains("'reports' is required"))
        let noIssuers = try #require(error("inbox: ./inbox\nreports: ./r\nddoe:\n  hours_per_credential: 10\n"))
        #expect(noIssuers.message.contains("'ddoe.issuers' is required"))
    }

    @Test("Two rules for one issuer whose windows overlap are a configuration error")
    func overlappingRules() throws {
        let text = Self.minimal + """

            districts:
              - code: "31"
                name: "Red Clay"
                issuers:
                  - id: "https://nea"
                    hours: 10
                    from: 2024-07-01
                    until: 2025-06-30
                  - id: "https://nea"
                    hours: 12
                    from: 2025-06-30
            """
        let problem = try #require(error(text))
        #expect(problem.line == 13)
        #expect(problem.message.contains("overlap"))
    }

    @Test("Not YAML at all gives a line, and an unknown PDMS column is refused")
    func notYAMLAndColumns() throws {
        let bad = try #require(error("inbox: [unclosed\nreports: x\n"))
        #expect(bad.line >= 1)
        #expect(bad.message.contains("not valid YAML"))
        let columns = try #require(error(Self.minimal + "\npdms:\n  columns: [educator_id, favourite_colour]\n"))
        #expect(columns.message.contains("favourite_colour"))
    }
}

