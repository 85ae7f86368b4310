import CSV
import Foundation
import Logging
import RelicensureApp
import Testing

/// SPEC §7: logs name no e-mail address and no person at the default level.
@Suite("Logs at the default level")
struct LogPrivacyTests {
    @Test("A night, a monthly report and a progress report on the examples log no roster name or e-mail")
    func noNamesOrEmails() throws {
        try ScratchDatabase.with { conninfo in
            let workspace = try Workspace.examples(conninfo: conninfo)
            defer { workspace.remove() }
            let recorder = LogRecorder()
            let logger = Logger(label: "relicensure") { _ in RecordingLogHandler(recorder: recorder) }
            try workspace.runExampleNight(logger: logger)
            let session = try workspace.session(logger: logger)
            _ = try MonthlyReport.run(session: session, monthOption: "2026-11")
            _ = try ProgressReport.table(session: session).table
            _ = try EducatorTranscript.build(session: session, key: "avery.abbott@k12.de.us")

            let log = recorder.text
            #expect(log.contains("monthly report written"))  // the recorder did hear the run
            for person in try Self.roster() {
                for email in person.emails {
                    #expect(!log.lowercased().contains(email.lowercased()), "e-mail \(email) in the log")
                }
                #expect(!log.contains("\(person.first) \(person.last)"), "\(person.first) \(person.last) in the log")
                #expect(!Self.words(of: log, lowercased: true).contains(person.last.lowercased()), "\(person.last) in the log")
                #expect(!Self.words(of: log, lowercased: false).contains(person.first), "\(person.first) in the log")
            }
        }
    }

    /// Everyone on the examples' roster, the rows it rejects included.
    static func roster() throws -> [(first: String, last: String, emails: [String])] {
        let text = try String(contentsOf: Workspace.examples.appendingPathComponent("roster.csv"), encoding: .utf8)
        let records = try CSVReader(text).map { try $0.get().fields }
        let header = try #require(records.first)
        let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
        return records.dropFirst().map { fields in
            let emails = [fields[column("email")]] + fields[column("other_emails")].split(separator: ";").map(String.init)
            return (fields[column("first_name")], fields[column("last_name")], emails.filter { !$0.isEmpty })
        }
    }

    static func words(of text: String, lowercased: Bool) -> Set<String> {
        let source = lowercased ? text.lowercased() : text
        return Set(source.split { !$0.isLetter }.map(String.init))
    }
}

/// Collects the lines a logger writes, as the command line's handler would print them.
final class LogRecorder: @unchecked Sendable {
    // Guarded by `lock`: handlers may log from any thread.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        lines.append(line)
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }
}

/// A log handler at the default level (info) that keeps each event's message and metadata.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        recorder.append(([event.level.rawValue, "\(event.message)"]
                         + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " "))
    }
}
