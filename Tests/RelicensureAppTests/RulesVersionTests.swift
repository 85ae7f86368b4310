import Foundation
import OpenBadges
import Relicensure
import Testing

/// A night keeps the outcomes of waiting awards nothing changed for, trusting that the code
/// deciding them is the code that decided them (`EvaluationScope.rulesKey`). So a change to
/// that code must be looked at: if it can change an outcome, its detail, or how awards are
/// chosen, bump `CreditingEngine.rulesVersion` (or `RosterChanges.readingVersion`) so the next
/// night evaluates everything again; either way, record the new digest below.
@Suite("The crediting rules' version follows their code")
struct RulesVersionTests {
    /// The files whose code decides an outcome.
    static let rulesSources = ["Sources/RelicensureApp/Evaluation.swift", "Sources/RelicensureApp/EvaluationScope.swift",
                               "Sources/RelicensureApp/Tonight.swift", "Sources/RelicensureApp/RosterReading.swift",
                               "Sources/RelicensureStore/Store+Tonight.swift",
                               "Sources/RelicensureStore/Store+EvaluationBasis.swift",
                               // How the roster is read: a night whose roster's revision stands keeps
                               // the last night's reading without comparing it again (sql/021).
                               "Sources/RelicensureStore/Store+Roster.swift"]

    static let recorded = (rulesVersion: "2026-12-07.1",
                           digest: "64b506d1b77afe4ef181d81b7fe636be110406a581be3ce8f529b9c127a8f8e9")

    @Test("The crediting code is the code the rules version was recorded with")
    func recordedDigest() throws {
        let checkout = CreditWorkspace.checkout
        let engine = try FileManager.default.contentsOfDirectory(atPath: checkout.appendingPathComponent("Sources/Relicensure").path)
            .filter { $0.hasSuffix(".swift") }.sorted().map { "Sources/Relicensure/" + $0 }
        var bytes: [UInt8] = []
        for file in engine + Self.rulesSources {
            bytes += Array(file.utf8) + [0]
            bytes += try [UInt8](Data(contentsOf: checkout.appendingPathComponent(file))) + [0]
        }
        let digest = ContentHash.sha256Hex(bytes)
        #expect(CreditingEngine.rulesVersion == Self.recorded.rulesVersion && digest == Self.recorded.digest, """
            The crediting code changed (digest \(digest)). If the change can alter an outcome, its detail or \
            which awards a night chooses, bump CreditingEngine.rulesVersion; then record the version and digest \
            in RulesVersionTests.
            """)
    }
}
