import Foundation
import Logging
@testable import RelicensureApp
import Testing

/// Issue 6, item 5: a file still being copied into the inbox when the night starts is not read
/// half; it is read whole on a later night (RELICENSURE_SETTLE_SECONDS).
@Suite("Files still being written are left for a later night")
struct SettleWindowTests {
    func session(_ workspace: Workspace, asOf: String, settle: String?) throws -> Session {
        var environment = ProcessInfo.processInfo.environment
        environment["RELICENSURE_SETTLE_SECONDS"] = settle
        return try Session(configOption: workspace.configPath, asOfOption: asOf,
                           logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), environment: environment)
    }

    func age(_ path: String, seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: path)
    }

    @Test("A file modified seconds before the run is not read tonight, and is read whole once it has settled")
    func youngFileWaits() throws {
        try withTestDatabase { database in
            let workspace = try NightlyJobTests().prepared(database)
            let inbox = workspace.root.appendingPathComponent("inbox").path
            for file in BadgeIngest.files(under: inbox) { try age(file, seconds: 3_600) }
            // Written a moment ago: it could be a copy still in progress.
            try workspace.write("inbox/arriving.json", Sample.assertion("arriving", recipient: Sample.plain("morgan.carver@k12.de.us"),
                                                                       badge: "science-of-reading"))
            let first = try NightlyJob.run(session: try session(workspace, asOf: "2026-11-20", settle: nil), dryRun: false)
            #expect(first.filesSettling == 1)
            #expect(first.outcomes["credited"] == 2)
            #expect(!first.postings.contains { $0.awardID.hasSuffix("/arriving") })

            try age(inbox + "/arriving.json", seconds: 120)
            let second = try NightlyJob.run(session: try session(workspace, asOf: "2026-11-21", settle: "60"), dryRun: false)
            #expect(second.filesSettling == 0)
            #expect(second.filesRead == 1)
            #expect(second.postings.map(\.awardID) == ["https://badges.doe.k12.de.us/assertions/arriving"])
        }
    }

    @Test("RELICENSURE_SETTLE_SECONDS=0 reads everything at once; a value that is not a number of seconds is a usage error")
    func setting() throws {
        try withTestDatabase { database in
            let workspace = try NightlyJobTests().prepared(database)
            for bad in ["soon", "-5", "1.5"] {
                #expect {
                    try NightlyJob.run(session: try session(workspace, asOf: "2026-11-20", settle: bad), dryRun: false)
                } throws: { error in
                    (error as? AppError)?.kind == .usage && "\(error)".contains("RELICENSURE_SETTLE_SECONDS is '\(bad)'")
                }
            }
            let night = try NightlyJob.run(session: try session(workspace, asOf: "2026-11-20", settle: "0"), dryRun: false)
            #expect(night.filesSettling == 0)
            #expect(night.outcomes["credited"] == 2)
        }
    }

    @Test("The window: young files wait, old ones and wildly future-dated ones are read",
          arguments: [(0.0, true), (5.0, true), (59.0, true), (61.0, false), (86_400.0, false), (-5.0, true), (-86_400.0, false)])
    func window(ageInSeconds: Double, waits: Bool) throws {
        let start = Date()
        let window = try SettleWindow(settings: EnvironmentSettings([:]), runStart: start)
        #expect(window.seconds == SettleWindow.defaultSeconds)
        let stamp = FileStamp(size: 10, modified: start.addingTimeInterval(-ageInSeconds))
        #expect((window.unsettledAge(of: stamp) != nil) == waits)
        #expect(SettleWindow(seconds: 0, runStart: start).unsettledAge(of: stamp) == nil)
    }
}
