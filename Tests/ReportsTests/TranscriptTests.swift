import Foundation
import RelicensureApp
import Reports
import Testing

@Suite("Educator transcripts and the progress report")
struct TranscriptTests {
    @Test("JSON is one object with exactly the keys of SPEC §6, found by id or by any e-mail address")
    func json() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let session = try workspace.session()
            let transcript = try EducatorTranscript.build(session: session, key: "0040100")
            let object = try #require(try JSONSerialization.jsonObject(with: transcript.json()) as? [String: Any])
            #expect(Set(object.keys) == ["educator_id", "first_name", "last_name", "district_code", "license",
                                         "required_hours", "credited_hours", "other_hours", "total_hours",
                                         "other_hours_from", "pdms_imported_on", "remaining_hours", "status", "awards"])
            #expect(object["other_hours"] as? Double == 0)
            #expect(object["other_hours_from"] as? String == "no PDMS hours on record")
            #expect(object["pdms_imported_on"] is NSNull)
            #expect(object["educator_id"] as? String == "0040100")
            #expect(object["credited_hours"] as? Double == 20)
            #expect(object["remaining_hours"] as? Double == 70)
            #expect(object["required_hours"] as? Double == 90)
            #expect(object["status"] as? String == "behind")
            let license = try #require(object["license"] as? [String: Any])
            #expect(Set(license.keys) == ["type", "start", "end"])
            #expect(license["start"] as? String == "2022-07-01" && license["end"] as? String == "2027-06-30")
            let awards = try #require(object["awards"] as? [[String: Any]])
            #expect(awards.count == 4)
            for award in awards {
                #expect(Set(award.keys) == ["award_id", "badge_id", "badge_name", "issuer_id", "issuer_name",
                                            "award_date", "outcome", "hours", "reason"])
            }
            #expect(awards.map { $0["outcome"] as? String } == ["credited", "credited", "pending_approval",
                                                                 "duplicate_credential"])
            #expect(awards.map { $0["hours"] as? Double } == [10, 10, 0, 0])
            #expect(awards[2]["reason"] as? String == "Waiting for the district to approve this badge")

            // Any of the educator's addresses, in any case, finds the same transcript.
            for key in ["avery.abbott@k12.de.us", "AVERY0@Gmail.com"] {
                #expect(try EducatorTranscript.build(session: session, key: key).educator.id == "0040100")
            }
        }
    }

    @Test("Text and CSV show every award with its outcome, hours and reason in plain words")
    func textAndCSV() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let transcript = try EducatorTranscript.build(session: try workspace.session(), key: "0040211")
            let text = transcript.text
            #expect(text.contains("Taylor Dawson (educator 0040211"))
            #expect(text.contains("term 2022-07-01 to 2027-06-30"))
            #expect(text.contains("30 hours credited in the term + 0 other hours (no PDMS hours on record) = 30 of 90 "
                                  + "required, 60 remaining; status behind"))
            #expect(text.contains("over_cap, 0 h: Not credited: the hours cap for this term is already reached"))
            let csv = try SheetChecks.readCSVText(String(decoding: transcript.awardTable.csv, as: UTF8.self))
            #expect(csv.first == ["educator_id", "award_id", "badge_id", "badge_name", "issuer_id", "issuer_name",
                                  "award_date", "outcome", "hours", "reason", "credited_hours", "other_hours",
                                  "total_hours", "other_hours_from"])
            #expect(csv.count == transcript.awards.count + 1)
            #expect(csv.dropFirst().allSatisfy { $0[0] == "0040211" })
        }
    }

    @Test("An unknown educator, or an address two educators share, is a usage error that says so")
    func unknownAndAmbiguous() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let session = try workspace.session()
            let unknown = try #require(throws: AppError.self) {
                try EducatorTranscript.build(session: session, key: "nobody@example.org")
            }
            #expect(unknown.kind == .usage)
            #expect(unknown.message.hasPrefix("No educator has the id or e-mail address 'nobody@example.org'"))

            // The examples' roster gives two educators the address reading.team@k12.de.us.
            let shared = try #require(throws: AppError.self) {
                try EducatorTranscript.build(session: session, key: "Reading.Team@k12.de.us")
            }
            #expect(shared.kind == .usage)
            #expect(shared.message.contains("belongs to 2 educators (0041210, 0041247)"))
            #expect(shared.message.contains("give the educator id instead"))
        }
    }

    @Test("report progress lists every active educator as the Progress sheet does, most urgent first")
    func progressReport() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let session = try workspace.session(asOf: "2026-11-20")
            let (table, source) = try ProgressReport.table(session: session)
            #expect(table.rows.count == 35)  // 36 on the roster, one inactive
            #expect(source == "no PDMS hours on record")
            _ = try MonthlyReport.run(session: session, monthOption: "2026-11")
            let sheet = try String(contentsOfFile: workspace.reports + "/monthly/2026-11/progress.csv", encoding: .utf8)
            let lines = { (text: String) in text.split(separator: "\r\n").map(String.init) }
            let csv = lines(String(decoding: table.csv, as: UTF8.self))
            #expect(csv.first == lines(sheet).first)
            #expect(Set(csv) == Set(lines(sheet)))
            let status = try #require(table.column(named: "status"))
            #expect(table.rows.first?[status].plainText == "ending_short")
            let statuses = Set(table.rows.map { $0[status].plainText })
            #expect(statuses == ["advanced_license", "behind", "ending_short"])
            let json = try #require(try JSONSerialization.jsonObject(with: table.json()) as? [[String: Any]])
            #expect(json.count == 35)
            #expect(json.first?["educator_id"] as? String == table.rows.first?.first?.plainText)
        }
    }
}
