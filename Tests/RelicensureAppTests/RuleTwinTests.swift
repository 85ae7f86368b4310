import Postgres
import Relicensure
import RelicensureStore
import Testing

/// A rule the ledger's SQL needs, written once as a named SQL function (sql/010_rules.sql),
/// beside the Swift rule it must agree with, and the inputs on which they are compared.
struct RuleTwin: Sendable, CustomTestStringConvertible {
    /// The SQL function's name.
    let name: String
    /// Puts in the migrated ledger what the rule reads, if anything.
    var prepare: @Sendable (PostgresConnection) throws -> Void = { _ in }
    /// Every input as (what it is, the SQL twin's answer, the Swift rule's answer).
    let answers: @Sendable (PostgresConnection) throws -> [(input: String, sql: String?, swift: String?)]

    var testDescription: String { name }

    /// `Outcome.isFinal` and `outcome_is_final(text)`, for every outcome.
    static let outcomeIsFinal = RuleTwin(name: "outcome_is_final") { connection in
        try Outcome.allCases.map { outcome in
            let sql = try connection.query("SELECT outcome_is_final(\(outcome.rawValue)) AS final").first?["final"]
            return (outcome.rawValue, sql, outcome.isFinal ? "t" : "f")
        }
    }

    static let all = [outcomeIsFinal]
}

/// Issue 15, "Each rule written once": each SQL twin of an engine rule gives the Swift rule's
/// answer on every input, on a database migrated as production migrates it.
@Suite("Each rule the SQL needs agrees with its Swift twin")
struct RuleTwinTests {
    @Test("The SQL function answers as the Swift rule does", arguments: RuleTwin.all)
    func agrees(_ twin: RuleTwin) throws {
        try withTestDatabase { database in
            let store = try Store(conninfo: database.conninfo)
            try Migrator.embedded().apply(to: store)
            try twin.prepare(store.connection)
            let answers = try twin.answers(store.connection)
            #expect(!answers.isEmpty)
            for answer in answers {
                #expect(answer.sql == answer.swift, "\(twin.name)(\(answer.input))")
            }
        }
    }
}

/// The `verification` column's text is written and read in one place, `VerificationOutcome`.
@Suite("The verification column's text")
struct VerificationTextTests {
    @Test("Each outcome reads back as itself from the text it records",
          arguments: [VerificationOutcome.trustedChannel, .verifiedBySignature, .verifiedHosted,
                      .unverified(reason: "no key of https://issuer.example signed it"), .unverified(reason: ""),
                      .hostedReference, .notRead])
    func roundTrip(_ outcome: VerificationOutcome) {
        #expect(VerificationOutcome(recorded: outcome.recorded) == outcome)
    }

    @Test("Text no version records is not read as any outcome, and any text beginning `unverified` is unverified")
    func unknownText() {
        #expect(VerificationOutcome(recorded: "verified") == nil)
        #expect(VerificationOutcome(recorded: "") == nil)
        #expect(VerificationOutcome(recorded: "unverified") == .unverified(reason: ""))
        #expect(VerificationOutcome(recorded: "unverified:  why") == .unverified(reason: "why"))
    }
}
