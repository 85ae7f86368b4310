import CSV
import Foundation
import Relicensure
import RelicensureApp
import RelicensureStore
import Testing

@Suite("PDMS transcript import and other hours (SPEC §4.5, §6 \"All of an educator's hours\")")
struct PDMSTranscriptTests {
    typealias S = CreditSample

    /// Avery holds two NEA credits of ours (10 h SEL on 2026-10-01, 15 h Classroom on 2026-10-02),
    /// posted and exported on 2026-11-20; Jordan holds none. The export's columns are renamed
    /// the way a PDMS export names them.
    func workspace(_ database: CreditTestDatabase) throws -> CreditWorkspace {
        let workspace = try CreditWorkspace(database: database, neaApproval: "none")
        let config = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
        try workspace.write("relicensure.yaml", config + """

            pdms:
              transcript_columns:
                educator_id: "Educator ID"
                activity_title: "Activity Title"
                completion_date: "Completed On"
                clock_hours: "Clock Hours"
                credential_id: "Credential"
            """)
        try workspace.write("inbox/a.json", S.neaAssertion("nea-a", to: "avery.abbott@k12.de.us", badge: "sel"))
        try workspace.write("inbox/b.json", S.neaAssertion("nea-b", to: "avery.abbott@k12.de.us", badge: "classroom",
                                                           issuedOn: "2026-10-02T12:00:00Z"))
        try workspace.nightly(asOf: "2026-11-20")
        return workspace
    }

    static let header = "\u{FEFF}Educator ID,activity title,Provider,Completed On,CLOCK HOURS,Credential,record_id\r\n"

    func importPDMS(_ workspace: CreditWorkspace, _ rows: [String], asOf: String = "2026-11-20",
                    strict: Bool = false) throws -> PDMSImport.Summary {
        try workspace.write("pdms.csv", Self.header + rows.joined(separator: "\r\n") + "\r\n")
        return try PDMSImport.run(session: try workspace.session(asOf: asOf), file: workspace.path("pdms.csv"),
                                  strict: strict)
    }

    func transcript(_ workspace: CreditWorkspace, _ id: String, asOf: String = "2026-11-20") throws -> [String: Any] {
        let transcript = try EducatorTranscript.build(session: try workspace.session(asOf: asOf), key: id)
        return try #require(try JSONSerialization.jsonObject(with: transcript.json()) as? [String: Any])
    }

    @Test("BOM, CRLF, renamed columns; bad dates and hours reported by line; our own credits counted once")
    func importEdgeCases() throws {
        try CreditTestDatabase.with { database in
            let workspace = try workspace(database)
            let summary = try importPDMS(workspace, [
                "0040100,Literacy Across the Content Areas,University of Delaware,2025-03-14,30,,PD-1",  // line 2: other hours
                "0040100,Data Teams,DDOE,14/03/2025,6,,PD-2",                                            // line 3: bad date
                "0040100,Data Teams,DDOE,2025-03-15,six,,PD-3",                                          // line 4: bad hours
                "0040100,NEA sel,National Education Association,2026-10-01,10,\(S.neaAward("nea-a")),PD-4",  // ours by credential_id
                "0040100,  nea CLASSROOM ,National Education Association,2026-10-02,15,,PD-5",            // ours by educator+date+hours+title
                "0040100,Summer Institute,University of Delaware,2021-06-30,12,,PD-6",                    // before the term
                "0040100,Negative,Somewhere,2025-01-01,-3,,PD-7",                                         // line 8: negative hours
                "0049999,Course,University of Delaware,2025-01-01,3,,PD-8",                               // not on the roster
                "0040100,Literacy Across the Content Areas,University of Delaware,2025-03-14,30,,PD-1",  // line 10: exported twice
            ])
            #expect(summary.imported == 5)
            let skipped = summary.skipped.joined(separator: "\n")
            #expect(summary.skipped.count == 4)
            #expect(skipped.contains(":line 10: record_id 'PD-1' already appears on line 2; the later row was skipped"))
            #expect(skipped.contains(":line 3: Completed On '14/03/2025' is not a date written YYYY-MM-DD"))
            #expect(skipped.contains(":line 4: Clock Hours 'six' is not a number of hours"))
            #expect(skipped.contains(":line 8: Clock Hours -3 is outside"))
            #expect(summary.questioned.count == 1)
            #expect(summary.questioned.first?.contains(":line 9: Educator ID '0049999' is not on the roster") == true)

            let avery = try transcript(workspace, "0040100")
            #expect(avery["credited_hours"] as? Double == 25)
            #expect(avery["other_hours"] as? Double == 30, "our two credits PDMS holds must not count again")
            #expect(avery["total_hours"] as? Double == 55)
            #expect(avery["remaining_hours"] as? Double == 35)
            #expect(avery["pdms_imported_on"] as? String == "2026-11-20")
            // The text form explains the number: each activity, and why some are not counted.
            let text = try EducatorTranscript.build(session: try workspace.session(), key: "0040100").text
            #expect(text.contains("Activities in PDMS (PDMS import of 2026-11-20):"))
            #expect(text.contains("2025-03-14  Literacy Across the Content Areas — University of Delaware, 30 h\n"))
            #expect(text.contains("2021-06-30  Summer Institute — University of Delaware, 12 h (not counted: outside the license term)"))
            #expect(text.contains("15 h (not counted: our own credit \(S.neaAward("nea-b")))"))
            #expect(try database.scalar("SELECT count(*) FROM ledger_entries") == "2", "nothing from PDMS is posted")
        }
    }

    @Test("A missing required column names the export's own column; --strict imports nothing")
    func missingColumnAndStrict() throws {
        try CreditTestDatabase.with { database in
            let workspace = try workspace(database)
            try workspace.write("bad.csv", "Educator ID,Activity Title,Completed On\r\n0040100,Course,2025-01-01\r\n")
            #expect {
                try PDMSImport.run(session: try workspace.session(), file: workspace.path("bad.csv"), strict: false)
            } throws: { error in
                (error as? AppError)?.kind == .usage && (error as? AppError)?.message.contains("'Clock Hours' (clock_hours)") == true
            }
            #expect(throws: AppError.self) {
                try importPDMS(workspace, ["0040100,Course,UD,2025-01-01,3,,", "0040100,Course,UD,2025-01-01,x,,"], strict: true)
            }
            #expect(try database.scalar("SELECT count(*) FROM pdms_imports") == "0")
        }
    }

    @Test("An import moves an educator from behind to on_track; reports before its date still say no PDMS hours")
    func behindToOnTrack() throws {
        try CreditTestDatabase.with { database in
            let workspace = try workspace(database)
            func jordan(asOf: String) throws -> [String: String] {
                let (table, _) = try ProgressReport.table(session: try workspace.session(asOf: asOf),
                                                          filter: ProgressFilter(district: "31"))
                let row = try #require(table.rows.first { $0.first?.plainText == "0040137" })
                return Dictionary(uniqueKeysWithValues: zip(table.columns, row.map(\.plainText)))
            }
            let before = try jordan(asOf: "2026-11-20")
            #expect(before["status"] == "behind")
            #expect(before["other_hours"] == "0")
            #expect(before["other_hours_from"] == "no PDMS hours on record")
            let text = try EducatorTranscript.build(session: try workspace.session(), key: "0040137").text
            #expect(text.contains("no PDMS hours on record"))

            _ = try importPDMS(workspace, ["0040137,Graduate Course in Reading,University of Delaware,2024-05-01,45,,",
                                           "0040137,Summer Institute,DDOE,2025-07-15,35,,"], asOf: "2026-11-21")
            let after = try jordan(asOf: "2026-11-21")
            #expect(after["status"] == "on_track")
            #expect(after["credited_hours"] == "0")
            #expect(after["other_hours"] == "80")
            #expect(after["total_hours"] == "80")
            #expect(after["remaining_hours"] == "10")
            #expect(after["other_hours_from"] == "PDMS import of 2026-11-21")
            #expect(try jordan(asOf: "2026-11-20")["status"] == "behind", "a report as of an earlier day keeps what it knew")
        }
    }

    @Test("report progress: most urgent first, with days left, filtered by district, school and status")
    func progressOrderAndFilters() throws {
        try CreditTestDatabase.with { database in
            let workspace = try CreditWorkspace(database: database)
            try workspace.write("roster2.csv", """
                educator_id,first_name,last_name,email,district_code,school_code,license_start,license_end
                0050001,Ana,Able,ana@k12.de.us,31,3101,2022-07-01,2027-06-30
                0050002,Ben,Best,ben@k12.de.us,31,3102,2021-11-01,2026-12-31
                0050003,Cal,Cole,cal@k12.de.us,33,3301,2021-09-01,2026-12-15
                0050004,Dee,Dunn,dee@k12.de.us,33,3301,2024-07-01,2029-06-30
                """)
            _ = try RosterImport.run(session: try workspace.session(), file: workspace.path("roster2.csv"), full: false,
                                     strict: false)
            try workspace.write("pdms.csv", "educator_id,activity_title,completion_date,clock_hours\n0050004,Course,2025-01-01,50\n")
            _ = try PDMSImport.run(session: try workspace.session(), file: workspace.path("pdms.csv"), strict: false)
            let session = try workspace.session()
            let (all, _) = try ProgressReport.table(session: session)
            let id = try #require(all.column(named: "educator_id")), days = try #require(all.column(named: "days_left"))
            #expect(all.rows.prefix(2).map { $0[id].plainText } == ["0050003", "0050002"], "ending_short by term end first")
            #expect(all.rows[0][days] == .count(25))
            let status = try #require(all.column(named: "status"))
            #expect(all.rows.first { $0[id].plainText == "0050004" }?[status].plainText == "on_track")
            let (behind, _) = try ProgressReport.table(session: session, filter: ProgressFilter(status: .behind))
            #expect(Set(behind.rows.map { $0[id].plainText }) == ["0040100", "0040137", "0050001"])
            let (school, _) = try ProgressReport.table(session: session, filter: ProgressFilter(district: "33", school: "3301"))
            #expect(school.rows.map { $0[id].plainText } == ["0050003", "0050004"])
        }
    }
}
