import Foundation
import OpenBadges
import RelicensureApp
import RelicensureStore
import Testing

@Suite("Roster import (SPEC §4.1)")
struct RosterImportTests {
    @Test("Columns in any order and case, a BOM, leading zeros kept, bad rows reported by line and skipped")
    func importsAndReports() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            try workspace.write("roster.csv", "\u{FEFF}EMAIL,Educator_ID,first_name,last_name,district_code,other_emails,license_start,license_end,status,license_type\r\n"
                + "ann@k12.de.us,0000123,Ann,Lee,31,ann@gmail.com; a.lee@k12.de.us,2022-07-01,2027-06-30,,Advanced\r\n"
                + "bad-address,0000124,Bo,Ray,31,,,,,\r\n"
                + "cy@k12.de.us,0000125,Cy,\"O'Neil, Jr.\",33,,2027-01-01,2026-01-01,,\r\n"
                + "di@k12.de.us,0000126,Di,Fox,33,,,,retired,\r\n"
                + "\"ed@k12.de.us\",0000127,Ed,\"Multi\nLine\",33,,,,inactive,\r\n"
                + "ann2@k12.de.us,0000123,Ann,Again,31,,,,,\r\n")
            let summary = try RosterImport.run(session: try workspace.session(), file: workspace.root.appendingPathComponent("roster.csv").path,
                                               full: false, strict: false)
            #expect(summary.imported == 2)
            #expect(summary.skipped.count == 4)
            let lines = summary.skipped.joined(separator: "\n")
            #expect(lines.contains(":3: email is not an e-mail address"))
            #expect(lines.contains(":4: license_start 2027-01-01 is after license_end 2026-01-01"))
            #expect(lines.contains(":5: status must be active or inactive"))
            #expect(lines.contains(":8: educator_id '0000123' already appears on line 2"))
            #expect(!lines.contains("bad-address"), "row problems must not echo e-mail addresses")

            let store = try Store(conninfo: database.conninfo)
            let ann = try #require(try store.educator(idOrEmail: "A.LEE@k12.de.us"))
            #expect(ann.id == "0000123")
            #expect(ann.otherEmails.sorted() == ["a.lee@k12.de.us", "ann@gmail.com"])
            #expect(ann.hasAdvancedLicense)
            #expect(ann.term?.end == CalendarDate("2027-06-30"))
            let ed = try #require(try store.educator(idOrEmail: "0000127"))
            #expect(!ed.isActive)
            #expect(ed.lastName == "Multi\nLine")
        }
    }

    @Test("A missing required column is a usage error (exit 2) naming the column")
    func missingColumn() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            try workspace.write("roster.csv", "educator_id,first_name,last_name,email\n1,A,B,a@b.org\n")
            #expect {
                try RosterImport.run(session: try workspace.session(), file: workspace.root.appendingPathComponent("roster.csv").path,
                                     full: false, strict: false)
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .usage && error.message.contains("district_code")
            }
        }
    }

    @Test("--strict imports nothing when any row is bad; --full makes missing educators inactive")
    func strictAndFull() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            let session = try workspace.session()
            let header = "educator_id,first_name,last_name,email,district_code\n"
            try workspace.write("all.csv", header + "1,A,A,a@k12.de.us,31\n2,B,B,b@k12.de.us,31\n")
            try workspace.write("bad.csv", header + "3,C,C,c@k12.de.us,31\n4,D,D,,31\n")
            try workspace.write("one.csv", header + "2,B,B,b@k12.de.us,31\n")
            let path = { (name: String) in workspace.root.appendingPathComponent(name).path }
            _ = try RosterImport.run(session: session, file: path("all.csv"), full: false, strict: false)
            #expect(throws: AppError.self) {
                try RosterImport.run(session: session, file: path("bad.csv"), full: false, strict: true)
            }
            let store = try Store(conninfo: database.conninfo)
            #expect(try store.educator(idOrEmail: "3") == nil)
            let summary = try RosterImport.run(session: session, file: path("one.csv"), full: true, strict: false)
            #expect(summary.deactivated == 1)
            #expect(try store.educator(idOrEmail: "1")?.isActive == false)
            #expect(try store.educator(idOrEmail: "2")?.isActive == true)
            #expect(try store.roster().count == 2, "inactive educators are kept, never deleted")
        }
    }
}
