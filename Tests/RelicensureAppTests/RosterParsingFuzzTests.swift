import Foundation
@testable import RelicensureApp
import Testing

/// Issue 6, item 6, for the roster: seeded random damage to a roster file, field by field.
/// Whatever arrives, every data row is either imported or reported by its line, and nothing
/// imported breaks the rules of SPEC §4.1.
@Suite("Roster parsing under seeded random damage")
struct RosterParsingFuzzTests {
    static let header = ["educator_id", "first_name", "last_name", "email", "other_emails", "district_code", "school_code",
                         "school_name", "license_type", "license_start", "license_end", "status"]
    static let junk = HostileInputTests.nasty + [
        "", " ", "2026-02-30", "0001-01-01", "9999-12-31", "10000-01-01", "2024-1-1", "active", "INACTIVE", "retired",
        "a@b.c", "no-at-sign", "two@@k12.de.us", "x@y", "ok@k12.de.us;bad", ";;", "\"", "\"unterminated", "x\"y", "\u{0}",
    ]

    static func row(_ index: Int) -> [String] {
        ["\(index % 50)", "First\(index)", "Last\(index)", "e\(index)@k12.de.us", index % 3 == 0 ? "o\(index)@gmail.com" : "",
         "31", "3101", "School", "continuing", "2022-07-01", "2027-06-30", index % 7 == 0 ? "inactive" : ""]
    }

    static func damaged(_ random: inout SeededRandom) -> String {
        var header = Self.header
        if random.below(4) == 0 { header.swapAt(random.below(header.count), random.below(header.count)) }
        if random.below(8) == 0 { header[random.below(header.count)] = header[random.below(header.count)].uppercased() }
        if random.below(20) == 0 { header.remove(at: random.below(header.count)) }
        var lines = [header.joined(separator: ",")]
        for index in 0..<(1 + random.below(30)) {
            var fields = row(index)
            for _ in 0..<random.below(4) {
                switch random.below(6) {
                case 0: fields[random.below(fields.count)] = random.pick(junk)
                case 1: fields.removeLast(random.below(fields.count))
                case 2: fields.append(random.pick(junk))
                case 3: fields[random.below(fields.count)] += random.pick(junk)
                default: fields[random.below(fields.count)] = CSVLike.quoted(random.pick(junk))
                }
            }
            lines.append(fields.joined(separator: ","))
            if random.below(10) == 0 { lines.append("") }
        }
        return lines.joined(separator: random.below(2) == 0 ? "\r\n" : "\n") + (random.below(2) == 0 ? "\n" : "")
    }

    /// A field quoted the RFC 4180 way (quotes doubled), built here from scalars so that the
    /// test does not lean on the writer it might catch out.
    enum CSVLike {
        static func quoted(_ text: String) -> String {
            "\"" + String(String.UnicodeScalarView(text.unicodeScalars.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] })) + "\""
        }
    }

    @Test("Every data row is imported or reported on its own line; what is imported is well formed", arguments: [11, 12, 13, 14])
    func damagedRosters(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<1_500 {
            let text = Self.damaged(&random)
            let table: CSVTable
            do {
                table = try CSVTable(text: text, file: "roster.csv", required: RosterImport.required)
            } catch let error as AppError {
                #expect(error.kind == .usage)
                #expect(error.message.hasPrefix("roster.csv: "))
                continue
            }
            let (educators, problems) = RosterImport.parse(table)
            let lineCount = text.unicodeScalars.filter { $0 == "\n" }.count + 1
            #expect(educators.count + problems.count == table.rows.count + table.problems.count)
            #expect(problems.map(\.line) == problems.map(\.line).sorted())
            #expect(problems.allSatisfy { (2...lineCount).contains($0.line) && !$0.message.isEmpty })
            #expect(Set(educators.map(\.id)).count == educators.count)
            for educator in educators {
                #expect(!educator.id.isEmpty && !educator.firstName.isEmpty && !educator.lastName.isEmpty && !educator.districtCode.isEmpty)
                #expect(RosterImport.looksLikeEmail(educator.email))
                #expect(educator.otherEmails.allSatisfy(RosterImport.looksLikeEmail))
                if let term = educator.term { #expect(term.start <= term.end) }
                #expect(![educator.id, educator.firstName, educator.lastName, educator.email].contains { $0.utf8.contains(0) })
            }
        }
    }
}
