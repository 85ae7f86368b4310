import CSV
import Foundation
import RelicensureApp
import Testing

/// SPEC §6, "Whose award it is" and "A capped credit": HR sees whose award an uncredited one
/// is, and what to do about it.
@Suite("Whose award it is: inactive and ambiguous recipients, capped credits (SPEC §6)")
struct WhoseAwardTests {
    typealias S = CreditSample

    static let moreEducators = """
        educator_id,first_name,last_name,email,other_emails,district_code,license_start,license_end,status
        0040300,Riley,Grant,riley.grant@k12.de.us,,31,2022-07-01,2027-06-30,inactive
        0040301,Sam,Hale,sam.hale@k12.de.us,team@k12.de.us,31,2022-07-01,2027-06-30,active
        0040302,Tay,Ives,tay.ives@k12.de.us,team@k12.de.us,31,2022-07-01,2027-06-30,active
        """

    func exceptions(_ workspace: CreditWorkspace) throws -> [[String: String]] {
        let text = try String(contentsOfFile: workspace.reports + "/monthly/2026-11/exceptions.csv", encoding: .utf8)
        let rows = try CSVReader(text).map { try $0.get().fields }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("An award to an inactive educator is on their transcript and carries their id; an ambiguous one names its candidates")
    func inactiveAndAmbiguous() throws {
        try CreditWorkspace.with(neaApproval: "none") { workspace, _ in
            try workspace.write("more.csv", Self.moreEducators)
            _ = try RosterImport.run(session: try workspace.session(), file: workspace.path("more.csv"), full: false, strict: false)
            try workspace.write("inbox/nea-601.json", S.neaAssertion("nea-601", to: "riley.grant@k12.de.us", badge: "sel",
                                                                   issuedOn: "2026-11-02T12:00:00Z"))
            try workspace.write("inbox/nea-602.json", S.neaAssertion("nea-602", to: "TEAM@k12.de.us", badge: "sel",
                                                                   issuedOn: "2026-11-03T12:00:00Z"))
            try workspace.nightly()
            _ = try MonthlyReport.run(session: try workspace.session(), monthOption: "2026-11")

            let riley = try EducatorTranscript.build(session: try workspace.session(), key: "0040300")
            #expect(riley.awards.map(\.awardID) == [S.neaAward("nea-601")])
            #expect(riley.awards.first?.outcome == "inactive_educator")
            for id in ["0040301", "0040302"] {
                let transcript = try EducatorTranscript.build(session: try workspace.session(), key: id)
                #expect(transcript.awards.map(\.awardID) == [S.neaAward("nea-602")], "\(id)")
                #expect(transcript.awards.first?.reason.contains("0040301, 0040302") == true)
            }

            let rows = try exceptions(workspace)
            let inactive = try #require(rows.first { $0["award_id"] == S.neaAward("nea-601") })
            #expect(inactive["educator_id"] == "0040300")
            #expect(inactive["recipient"] == "riley.grant@k12.de.us")
            #expect(inactive["what_to_do"]?.contains("mark them active on the roster") == true)
            let ambiguous = try #require(rows.first { $0["award_id"] == S.neaAward("nea-602") })
            #expect(ambiguous["educator_id"] == "")
            #expect(ambiguous["candidates"] == "0040301;0040302")
            #expect(ambiguous["recipient"] == "TEAM@k12.de.us")
            #expect(ambiguous["what_to_do"]?.contains("one educator only") == true)
        }
    }

    @Test("A credit cut short by a cap carries note capped in the transcript's JSON and the word in its reason")
    func cappedNote() throws {
        try CreditWorkspace.with(neaApproval: "none", neaCap: "25") { workspace, _ in
            try workspace.write("inbox/nea-701.json", S.neaAssertion("nea-701", to: "avery.abbott@k12.de.us", badge: "sel",
                                                                   issuedOn: "2026-09-01T12:00:00Z"))
            try workspace.write("inbox/nea-702.json", S.neaAssertion("nea-702", to: "avery.abbott@k12.de.us", badge: "lit",
                                                                   issuedOn: "2026-09-02T12:00:00Z"))
            try workspace.write("inbox/nea-703.json", S.neaAssertion("nea-703", to: "avery.abbott@k12.de.us", badge: "classroom",
                                                                   issuedOn: "2026-09-03T12:00:00Z"))
            try workspace.nightly()
            let transcript = try EducatorTranscript.build(session: try workspace.session(), key: "0040100")
            let json = try JSONSerialization.jsonObject(with: try transcript.json()) as? [String: Any]
            let awards = try #require(json?["awards"] as? [[String: Any]])
            let capped = try #require(awards.first { $0["award_id"] as? String == S.neaAward("nea-703") })
            #expect(capped["note"] as? String == "capped")
            #expect(capped["hours"] as? Double == 5)
            #expect((capped["reason"] as? String)?.contains("capped") == true)
            let whole = try #require(awards.first { $0["award_id"] as? String == S.neaAward("nea-701") })
            #expect(whole["note"] == nil)
            #expect(transcript.text.contains("capped"))
        }
    }
}
