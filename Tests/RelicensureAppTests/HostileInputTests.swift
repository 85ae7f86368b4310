import CSV
import Foundation
import OpenBadges
import Relicensure
import RelicensureApp
import RelicensureStore
import Testing

/// Issue 6, item 7: SQL metacharacters and Unicode in every roster and badge field, formula
/// injection, absurd dates, characters PostgreSQL cannot store, and a huge roster of duplicates.
@Suite("Hostile input")
struct HostileInputTests {
    /// Text that breaks naive SQL, COPY, CSV or display code. None starts or ends with white
    /// space: the roster trims cells, as SPEC §4.1 lets it.
    static let nasty = [
        "O'Brien", "Robert'); DROP TABLE educators;--", "\"quoted\", with comma", #"back\slash \N \t"#,
        "tab\tinside", "two\nlines", "Zoë Ñúñez-Çelik", "李小龙", "مرحبا بالعالم", "👩🏽‍🏫 teacher", "e\u{301}cole",
        "%s %n $1 :name ?", "\u{202E}reversed", "=HYPERLINK(\"https://evil.example\",\"click\")", "+SUM(1)", "-2+3",
        "@cmd", "semi;colon|pipe", "<script>alert(1)</script>", "NULL", "\\.", "ﬁ ligature ß",
        // CRLF without a comma or quote was written unquoted and broke its PDMS row in two.
        "first\r\nsecond line",
    ]

    /// A migrated workspace on `database` with `roster` imported; the import's summary.
    static func imported(_ roster: String, on database: TestDatabase, strict: Bool = false) throws
        -> (workspace: Workspace, summary: RosterImport.Summary, file: String) {
        let workspace = try Workspace(database: database)
        try workspace.migrate()
        try workspace.write("roster.csv", roster)
        let file = workspace.root.appendingPathComponent("roster.csv").path
        return (workspace, try RosterImport.run(session: try workspace.session(), file: file, full: false, strict: strict), file)
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map(CSVWriter.escape).joined(separator: ",")
    }

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func assertion(_ id: String, recipient: String, badge: String, issuedOn: Any) throws -> String {
        try json(["@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
                  "id": "https://badges.doe.k12.de.us/assertions/\(id)",
                  "recipient": ["type": "email", "hashed": false, "identity": recipient],
                  "badge": badge, "issuedOn": issuedOn, "verification": ["type": "hosted"]])
    }

    /// One educator per nasty text, with that text in every field it can go in.
    static func nastyEducators() -> [Educator] {
        nasty.enumerated().map { index, text in
            Educator(id: "\(index)\(text)", firstName: text, lastName: "\(text) \(index)",
                     email: "x\(index)'\"%;--@k12.de.us", otherEmails: ["ü\(index)+'@example.org"],
                     districtCode: "31\(text)", schoolCode: text, schoolName: "School \(text)",
                     licenseType: text.lowercased(),
                     term: LicenseTerm(start: CalendarDate(year: 2022, month: 7, day: 1) ?? .init(dayNumber: 0),
                                       end: CalendarDate(year: 2027, month: 6, day: 30) ?? .init(dayNumber: 0)),
                     isActive: true)
        }
    }

    @Test("Every roster field and every badge field survives SQL metacharacters and Unicode; the PDMS file neutralises formulas")
    func metacharactersEverywhere() throws {
        try withTestDatabase { database in
            let educators = Self.nastyEducators()
            var roster = ["educator_id,first_name,last_name,email,other_emails,district_code,school_code,school_name,license_type,license_start,license_end,status"]
            for educator in educators {
                roster.append(Self.csvLine([educator.id, educator.firstName, educator.lastName, educator.email,
                                            educator.otherEmails.joined(separator: ";"), educator.districtCode,
                                            educator.schoolCode ?? "", educator.schoolName ?? "", educator.licenseType ?? "",
                                            "2022-07-01", "2027-06-30", "active"]))
            }
            let (workspace, imported, _) = try Self.imported(roster.joined(separator: "\r\n") + "\r\n", on: database, strict: true)
            #expect(imported.imported == educators.count)
            let store = try Store(conninfo: database.conninfo)
            #expect(Set(try store.roster()) == Set(educators))

            // A BadgeClass and an issuer named with each nasty text; each educator earns one.
            let issuerID = "\(Sample.ddoe)"
            try workspace.write("inbox/issuer.json", try Self.json(["@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
                                                                    "id": issuerID, "name": "=Delaware \"DOE\"; --"]))
            for (index, educator) in educators.enumerated() {
                let badge = Sample.badgeBase + "nasty-\(index)"
                try workspace.write("inbox/bc-\(index).json", try Self.json([
                    "@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": badge,
                    "name": Self.nasty[index], "description": Self.nasty[index], "issuer": issuerID,
                    "criteria": ["narrative": Self.nasty[index]], "image": "https://example.org/i.png"]))
                try workspace.write("inbox/a-\(index).json", try Self.assertion("nasty-\(index)", recipient: educator.email.uppercased(),
                                                                                badge: badge, issuedOn: "2026-10-01"))
            }
            let summary = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(summary.outcomes["credited"] == educators.count)
            let file = try #require(summary.pdmsFiles.first)
            let rows = try CSVReader(try String(contentsOfFile: file, encoding: .utf8)).map { try $0.get().fields }.dropFirst()
            #expect(rows.count == educators.count)
            for (index, educator) in educators.enumerated() {
                let row = try #require(rows.first { $0[8] == "https://badges.doe.k12.de.us/assertions/nasty-\(index)" })
                #expect(row[0] == CellText.neutralised(educator.id))
                #expect(row[1] == CellText.neutralised(educator.lastName))
                #expect(row[2] == CellText.neutralised(educator.firstName))
                #expect(row[3] == CellText.neutralised(educator.districtCode))
                #expect(row[4] == CellText.neutralised(Self.nasty[index]))
                #expect(row[5] == "'=Delaware \"DOE\"; --")
            }
            #expect(rows.contains { $0[4] == "'=HYPERLINK(\"https://evil.example\",\"click\")" })
            #expect(rows.contains { $0[4] == "'+SUM(1)" })
            #expect(rows.contains { $0[4] == "'@cmd" })
        }
    }

    @Test("Absurd award dates: each award gets its own outcome and the night goes on",
          arguments: [("0001-01-01", "outside_license_term"), ("9999-12-31", "future_dated"),
                      ("2026-02-30", "invalid"), ("2026-13-01", "invalid"), ("0000-01-01T00:00:00Z", "invalid"),
                      ("2026-10-01T00:00:00+25:00", "invalid"), ("+12026-01-01", "invalid"), ("", "invalid")])
    func absurdAwardDates(date: String, outcome: String) throws {
        try absurdAwardDate(date, outcome: outcome)
    }

    @Test("Absurd award dates written as Unix seconds", arguments: [1e18, -1e18, -62_135_596_801.0, 253_402_300_800.0])
    func absurdUnixSeconds(seconds: Double) throws {
        try absurdAwardDate(seconds, outcome: "invalid")
    }

    func absurdAwardDate(_ issuedOn: Any, outcome: String) throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let workspace = try nightly.prepared(database)
            try workspace.write("inbox/absurd.json", try Self.assertion("absurd", recipient: "jordan.bishop@k12.de.us",
                                                                        badge: Sample.badgeBase + "formative-assessment",
                                                                        issuedOn: issuedOn))
            let summary = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(summary.outcomes["credited"] == 2)
            let recorded = outcome == "invalid"
                ? try nightly.scalar(database, "SELECT o.outcome FROM award_outcomes o JOIN awards a USING (award_id) WHERE a.source_path LIKE '%absurd.json'")
                : try nightly.scalar(database, "SELECT outcome FROM award_outcomes WHERE award_id LIKE '%/absurd'")
            #expect(recorded == outcome)
        }
    }

    @Test("Absurd license dates in the roster: real dates are kept, impossible ones are errors by line")
    func absurdLicenseDates() throws {
        try withTestDatabase { database in
            let (_, summary, _) = try Self.imported("""
                educator_id,first_name,last_name,email,district_code,license_start,license_end
                1,Ann,Lee,ann@k12.de.us,31,0001-01-01,9999-12-31
                2,Bo,Lee,bo@k12.de.us,31,2026-02-30,2027-01-01
                3,Cy,Lee,cy@k12.de.us,31,2024-01-01,10000-01-01
                4,Di,Lee,di@k12.de.us,31,2027-02-29,2028-01-01
                5,Ed,Lee,ed@k12.de.us,31,0000-12-31,2028-01-01
                6,Fay,Lee,fay@k12.de.us,31,2024-1-1,2028-01-01

                """, on: database)
            #expect(summary.imported == 1)
            #expect(summary.skipped.map { $0.split(separator: ":")[1] } == ["3", "4", "5", "6", "7"])
            let stored = try #require(try Store(conninfo: database.conninfo).educator(idOrEmail: "1"))
            #expect(stored.term?.start.description == "0001-01-01")
            #expect(stored.term?.end.description == "9999-12-31")
        }
    }

    @Test("A NUL character or a number PostgreSQL cannot hold makes one item invalid, not the night a failure")
    func unstorableBadges() throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let workspace = try nightly.prepared(database)
            let nul = #"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://badges.doe.k12.de.us/assertions/nul", "recipient": {"type": "email", "hashed": false, "identity": "jordan.bishop@k12.de.us"}, "badge": {"type": "BadgeClass", "id": "https://badges.doe.k12.de.us/badgeclasses/nul", "name": "bad\u0000name", "issuer": "https://badges.doe.k12.de.us/issuers/ddoe"}, "issuedOn": "2026-10-01", "verification": {"type": "hosted"}}"#
            try workspace.write("inbox/nul.json", nul + "\n")  // not the bundle line's bytes: a second item
            try workspace.write("inbox/bundle.jsonl", nul + "\n" + Sample.assertion("huge", recipient: Sample.plain("jordan.bishop@k12.de.us"),
                                                                                  badge: "formative-assessment")
                                    .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "}}", with: "}, \"x\": 1e999999}") + "\n")
            try workspace.write("inbox/tiny-number.json", Sample.badgeClass("tiny", name: "Tiny")
                                    .replacingOccurrences(of: "\"criteria\"", with: "\"x-weight\": [-1E-99999], \"criteria\""))
            let summary = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(summary.outcomes["credited"] == 2)
            let details = try nightly.scalar(database, "SELECT string_agg(invalid_detail, ',' ORDER BY invalid_detail) FROM awards")
            #expect(details == "malformed_json,nul_character,nul_character,number_out_of_range,number_out_of_range")
            #expect(try nightly.scalar(database, "SELECT outcome FROM runs") == "succeeded")
        }
    }

    @Test("A roster row with a NUL character is an error on its line; the other rows are imported")
    func nulInRoster() throws {
        try withTestDatabase { database in
            let (_, summary, _) = try Self.imported(
                "educator_id,first_name,last_name,email,district_code\r\n1,An\u{0}n,Lee,ann@k12.de.us,31\r\n2,Bo,Lee,bo@k12.de.us,31\r\n",
                on: database)
            #expect(summary.imported == 1)
            #expect(summary.skipped.count == 1)
            #expect(summary.skipped.first?.hasSuffix("roster.csv:2: a field holds a NUL character (U+0000); save the file again as CSV UTF-8 text") == true)
        }
    }

    @Test("A roster of 100,000 rows where every id repeats 100 times: every repeat is an error by line, the first row kept, in reasonable time")
    func hundredThousandDuplicates() throws {
        try withTestDatabase { database in
            var text = "educator_id,first_name,last_name,email,district_code,license_start,license_end\n"
            for row in 0..<100_000 {
                text += "E\(row % 1_000),First\(row),Last\(row),e\(row)@k12.de.us,31,2022-07-01,2027-06-30\n"
            }
            let clock = ContinuousClock()
            let started = clock.now
            let (_, summary, file) = try Self.imported(text, on: database)
            let elapsed = clock.now - started
            #expect(summary.imported == 1_000)
            #expect(summary.skipped.count == 99_000)
            #expect(summary.skipped.first == "\(file):1002: educator_id 'E0' already appears on line 2; the later row was skipped")
            #expect(summary.skipped.last == "\(file):100001: educator_id 'E999' already appears on line 1001; the later row was skipped")
            #expect(elapsed < .seconds(60), "took \(elapsed)")
            let stored = try #require(try Store(conninfo: database.conninfo).educator(idOrEmail: "E7"))
            #expect(stored.firstName == "First7")
            #expect(try NightlyJobTests().scalar(database, "SELECT count(*)::text FROM educators") == "1000")
        }
    }
}
