import OpenBadges
import Postgres
import Relicensure
import RelicensureStore
import Testing

/// A rule the ledger's SQL needs, written once as a named SQL function (sql/012_rules.sql, 013_reversals.sql,
/// 015_revocation.sql), beside the Swift rule it must agree with, and the inputs on which they are compared.
struct RuleTwin: Sendable, CustomTestStringConvertible {
    /// The SQL function's name.
    let name: String
    /// Puts in the migrated ledger what the rule reads, if anything.
    var prepare: @Sendable (Store) throws -> Void = { _ in }
    /// Every input as (what it is, the SQL twin's answer, the Swift rule's answer).
    let answers: @Sendable (Store) throws -> [(input: String, sql: String?, swift: String?)]

    var testDescription: String { name }

    /// `Outcome.isFinal` and `outcome_is_final(text)`, for every outcome.
    static let outcomeIsFinal = RuleTwin(name: "outcome_is_final") { store in
        try Outcome.allCases.map { outcome in
            let sql = try store.connection.query("SELECT outcome_is_final(\(outcome.rawValue)) AS final").first?["final"]
            return (outcome.rawValue, sql, outcome.isFinal ? "t" : "f")
        }
    }

    /// `Outcome.readsStandingCredits` and `outcome_reads_standing_credits(text)`, for every outcome.
    static let outcomeReadsStandingCredits = RuleTwin(name: "outcome_reads_standing_credits") { store in
        try Outcome.allCases.map { outcome in
            let sql = try store.connection.query("SELECT outcome_reads_standing_credits(\(outcome.rawValue)) AS reads")
                .first?["reads"]
            return (outcome.rawValue, sql, outcome.readsStandingCredits ? "t" : "f")
        }
    }

    /// `CatalogIndex.issuerID(named:badgeID:)` (and `TrustedCatalog`'s, which upload
    /// verification asks) and `award_issuer(text, text)`, over BadgeClass
    /// copies from the inbox, from uploads and fetched, with and without an issuer, and an
    /// award that names its issuer itself or not.
    static let awardIssuer = RuleTwin(name: "award_issuer", prepare: { store in
        let copies: [(badge: String, source: String, issuer: String?)] = [
            ("b-inbox", "inbox", "https://inbox.example/issuer"), ("b-inbox", "uploads", "https://forger.example"),
            ("b-uploads", "uploads", "https://forger.example"),
            ("b-fetched", "fetched", "https://fetched.example/issuer"),
            ("b-both", "fetched", "https://fetched.example/issuer"), ("b-both", "inbox", "https://inbox.example/both"),
            ("b-inbox-silent", "inbox", nil), ("b-inbox-silent", "fetched", "https://fetched.example/silent"),
        ]
        for copy in copies {
            try store.connection.query("""
                INSERT INTO catalog_documents (kind, document_id, source, name, issuer_id, document)
                VALUES ('badge_class', \(copy.badge), \(copy.source), 'A badge', \(copy.issuer), '{}')
                """)
        }
    }, answers: { store in
        let catalog = try store.catalogIndex()
        let trusted = try store.trustedCatalog()
        let badges: [String?] = ["b-inbox", "b-uploads", "b-fetched", "b-both", "b-inbox-silent", "b-unknown", nil]
        return try [nil, "https://named.example/issuer"].flatMap { (named: String?) in
            try badges.flatMap { badge in
                let sql = try store.connection.query("SELECT award_issuer(\(named), \(badge)) AS issuer").first?["issuer"]
                let input = "\(named ?? "nil"), \(badge ?? "nil")"
                return [(input, sql, catalog.issuerID(named: named, badgeID: badge)),
                        (input + " by the trusted catalog", sql, trusted.issuerID(named: named, badgeID: badge))]
            }
        }
    })

    /// `LicenseTerm.contains` and `in_license_term(date, date, date)`: days before, on, inside
    /// and after a term's ends, a one-day term, and a term missing either end (no term on
    /// record, so no day counts: SQL's NULL filters out).
    static let inLicenseTerm = RuleTwin(name: "in_license_term") { store in
        let terms: [(start: String?, end: String?)] = [("2022-07-01", "2027-06-30"), ("2024-02-29", "2024-02-29"),
                                                        (nil, "2027-06-30"), ("2022-07-01", nil), (nil, nil)]
        let days = ["2022-06-30", "2022-07-01", "2024-02-28", "2024-02-29", "2024-03-01", "2027-06-30", "2027-07-01"]
        return try terms.flatMap { term in
            try days.map { day in
                let sql = try store.connection.query("""
                    SELECT coalesce(in_license_term(\(day)::date, \(term.start)::date, \(term.end)::date), false) AS inside
                    """).first?["inside"]
                let licenseTerm = term.start.flatMap(CalendarDate.init).flatMap { start in
                    term.end.flatMap(CalendarDate.init).map { LicenseTerm(start: start, end: $0) }
                }
                let swift = CalendarDate(day).map { licenseTerm?.contains($0) ?? false }
                return ("\(day) in \(term.start ?? "nil")..\(term.end ?? "nil")", sql, swift.map { $0 ? "t" : "f" })
            }
        }
    }

    /// `ApprovalBook.decisionInForce` and `approvals_in_force(date)`, for every educator and
    /// badge on days before, between and on decisions, with two decisions on one day.
    static let approvalsInForce = RuleTwin(name: "approvals_in_force", prepare: { store in
        let decisions: [(educator: String, badge: String, verdict: String, on: String)] = [
            ("e1", "b1", "approved", "2026-01-10"), ("e1", "b1", "denied", "2026-03-01"),
            ("e1", "b1", "approved", "2026-03-01"), ("e1", "b2", "denied", "2026-02-01"),
            ("e2", "b1", "denied", "2026-05-01"), ("e2", "b1", "approved", "2026-01-10"),
        ]
        for decision in decisions {
            try store.connection.query("""
                INSERT INTO approvals (educator_id, badge_id, decision, decided_by, decided_on)
                VALUES (\(decision.educator), \(decision.badge), \(decision.verdict), 'hr', \(decision.on)::date)
                """)
        }
    }, answers: { store in
        let book = ApprovalBook(try store.approvalDecisions())
        let keys = [("e1", "b1"), ("e1", "b2"), ("e2", "b1"), ("e2", "b2")]
        let days = ["2026-01-09", "2026-01-10", "2026-02-15", "2026-03-01", "2026-04-30", "2026-05-01", "2026-12-31"]
        return try days.flatMap { day in
            let inForce = try store.connection.query("""
                SELECT educator_id, badge_id, approval_id::text AS id FROM approvals_in_force(\(day)::date)
                """).reduce(into: [String: String]()) { found, row in
                    found[try row.string("educator_id") + " " + row.string("badge_id")] = try row.string("id")
                }
            return keys.map { educator, badge in
                let swift = CalendarDate(day).flatMap { book.decisionInForce(educatorID: educator, badgeID: badge, asOf: $0) }
                return ("\(educator) \(badge) on \(day)", inForce[educator + " " + badge], swift.map { String($0.id) })
            }
        }
    })

    /// `ApprovalBook.denialReversing` and `credits_denied_in_force(date)`: which standing
    /// credits a district denial reverses on a day. Decisions decided on the day itself, two
    /// on one day either way round (approval_id order), a denial an approval lifts later, a
    /// denial of a DDOE credit (never reversed) and a credit nobody decided on.
    static let creditsDeniedInForce = RuleTwin(name: "credits_denied_in_force", prepare: { store in
        let decisions: [(educator: String, badge: String, verdict: String, on: String)] = [
            ("e1", "b1", "approved", "2026-01-10"), ("e1", "b1", "approved", "2026-03-01"),
            ("e1", "b1", "denied", "2026-03-01"), ("e1", "b2", "denied", "2026-02-01"),
            ("e1", "b2", "approved", "2026-02-01"), ("e2", "b1", "denied", "2026-05-01"),
            ("e2", "b3", "denied", "2026-01-10"), ("e2", "b3", "approved", "2026-04-01"),
            ("e3", "b1", "denied", "2026-01-10"),
        ]
        for decision in decisions {
            try store.connection.query("""
                INSERT INTO approvals (educator_id, badge_id, decision, decided_by, decided_on)
                VALUES (\(decision.educator), \(decision.badge), \(decision.verdict), 'hr', \(decision.on)::date)
                """)
        }
        for credit in creditsToReverse {
            try store.connection.query("""
                INSERT INTO awards (award_id, source, source_sha256, source_path, first_seen_on)
                VALUES (\(credit.awardID), 'inbox', \(credit.awardID), 'inbox/a.json', '2026-01-01'::date)
                """)
            try store.connection.query("""
                INSERT INTO ledger_entries (award_id, educator_id, action, kind, hours, credit_type, badge_id, issuer_id,
                                            award_date, posted_on, reason)
                VALUES (\(credit.awardID), \(credit.educatorID), 'ADD', 'credit', 10, \(credit.creditType.rawValue),
                        \(credit.badgeID), \(credit.issuerID), \(credit.awardDate.description)::date, '2026-01-01'::date,
                        'credited')
                """)
        }
    }, answers: { store in
        let book = ApprovalBook(try store.approvalDecisions())
        let days = ["2026-01-09", "2026-01-10", "2026-02-01", "2026-02-15", "2026-03-01", "2026-04-01", "2026-04-30",
                    "2026-05-01"]
        return try days.flatMap { day in
            let denied = try store.connection.query("""
                SELECT award_id, approval_id::text AS id FROM credits_denied_in_force(\(day)::date)
                """).reduce(into: [String: String]()) { found, row in
                    found[try row.string("award_id")] = try row.string("id")
                }
            return creditsToReverse.map { credit in
                let swift = CalendarDate(day).flatMap { book.denialReversing(credit, asOf: $0) }
                return ("\(credit.awardID) on \(day)", denied[credit.awardID], swift.map { String($0.id) })
            }
        }
    })

    /// The standing credits `creditsDeniedInForce` asks about, one per educator and badge.
    static let creditsToReverse: [StandingCredit] = [("e1", "b1", CreditType.external), ("e1", "b2", .external),
                                                      ("e2", "b1", .external), ("e2", "b3", .external),
                                                      ("e3", "b1", .ddoe), ("e4", "b1", .external)]
        .compactMap { educator, badge, type in
            CalendarDate("2025-09-01").map { day in
                StandingCredit(awardID: "a-\(educator)-\(badge)", educatorID: educator, badgeID: badge,
                               issuerID: "https://issuer.example", awardDate: day, creditType: type,
                               hours: ClockHours(hundredths: 1_000))
            }
        }

    /// `RecipientDirectory.normalise` and `normalised_address(text)` on ASCII addresses with
    /// the spaces, tabs and line breaks both trim, and characters neither trims. (On other
    /// characters lower() may fold less than Swift; the night chooses those identities apart.)
    /// A CR LF pair, one Swift Character, is among them: see `crlfAtTheEnds` below.
    static let normalisedAddress = RuleTwin(name: "normalised_address") { store in
        let addresses = [" Pat.Educator@K12.DE.US\t", "\r sam.hale@k12.de.us \n", "MIXED@Example.ORG", "", " \t\r \n",
                         "\u{0B}form.feed@k12.de.us\u{0C}", "in side@k12.de.us", "\r\n sam.hale@k12.de.us \r\n"]
        return try addresses.map { address in
            let sql = try store.connection.query("SELECT normalised_address(\(address)) AS address").first?["address"]
            return (address.debugDescription, sql, RecipientDirectory.normalise(address))
        }
    }

    /// `VerificationOutcome.isVerified` and `verification_is_verified(text)`, on the text each
    /// outcome records.
    static let verificationIsVerified = RuleTwin(name: "verification_is_verified") { store in
        try VerificationTextTests.outcomes.map { outcome in
            let sql = try store.connection.query("SELECT verification_is_verified(\(outcome.recorded)) AS verified")
                .first?["verified"]
            return (outcome.recorded, sql, outcome.isVerified ? "t" : "f")
        }
    }

    static let all = [outcomeIsFinal, outcomeReadsStandingCredits, awardIssuer, inLicenseTerm, approvalsInForce, creditsDeniedInForce,
                      normalisedAddress, verificationIsVerified, awardIsRevoked]
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
            try twin.prepare(store)
            let answers = try twin.answers(store)
            #expect(!answers.isEmpty)
            for answer in answers {
                #expect(answer.sql == answer.swift, "\(twin.name)(\(answer.input))")
            }
        }
    }

    /// Found by the twin test: `normalised_address` trimmed a CR LF at either end and
    /// `RecipientDirectory.normalise` did not, "\r\n" being one Character that is neither "\r"
    /// nor "\n". Both trim it now (rules version 2026-12-06.2, since a plain identity ending in
    /// CR LF now matches its educator); the address cases above hold the two together.
    @Test("A CR LF at an address's ends is trimmed, as SQL trims it")
    func crlfAtTheEnds() {
        #expect(RecipientDirectory.normalise("\r\n sam.hale@k12.de.us \r\n") == "sam.hale@k12.de.us")
        #expect(RecipientDirectory.normalise("Sam.Hale@K12.de.us\r\n") == "sam.hale@k12.de.us")
    }
}

/// The `verification` column's text is written and read in one place, `VerificationOutcome`.
@Suite("The verification column's text")
struct VerificationTextTests {
    /// Every kind of outcome, unverified with and without a reason.
    static let outcomes: [VerificationOutcome] = [.trustedChannel, .verifiedBySignature, .verifiedHosted,
                                                  .unverified(reason: "no key of https://issuer.example signed it"),
                                                  .unverified(reason: ""), .hostedReference, .notRead]

    @Test("Each outcome reads back as itself from the text it records", arguments: outcomes)
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
