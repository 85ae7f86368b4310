import CSV
import Foundation
import OpenBadges
import Relicensure
import Reports
import Testing

@Suite("Report tables as CSV, JSON and text")
struct ReportTableTests {
    static let table = ReportTable(
        name: "Progress", columns: ["educator_id", "school_name", "term_end", "hours_this_term", "days", "note"],
        rows: [
            [.text("0040100"), .text("=HYPERLINK(\"http://evil\")"), .date(CalendarDate("2027-06-30")),
             .hours(ClockHours("7.5") ?? .zero), .count(3), .empty],
            [.text("0040137"), .text("Skyline, \"Middle\"\nSchool"), .date(nil), .hours(ClockHours(10)), .count(0),
             .text("+1 @home")],
        ])

    @Test("CSV round-trips through the CSV reader, text neutralised, numbers and dates written out")
    func csvRoundTrip() throws {
        let text = String(decoding: Self.table.csv, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let records = try CSVReader(text).map { try $0.get().fields }
        #expect(records.count == 3)
        #expect(records[0] == Self.table.columns)
        #expect(records[1] == ["0040100", "'=HYPERLINK(\"http://evil\")", "2027-06-30", "7.5", "3", ""])
        #expect(records[2] == ["0040137", "Skyline, \"Middle\"\nSchool", "", "10", "0", "'+1 @home"])
    }

    @Test("JSON: one object per row, hours as numbers, empty cells as null")
    func json() throws {
        let objects = try #require(try JSONSerialization.jsonObject(with: Self.table.json()) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["hours_this_term"] as? Double == 7.5)
        #expect(objects[0]["term_end"] as? String == "2027-06-30")
        #expect(objects[0]["note"] is NSNull)
        #expect(objects[1]["days"] as? Int == 0)
        #expect(Set(objects[0].keys) == Set(Self.table.columns))
        let text = String(decoding: try Self.table.json(), as: UTF8.self)
        #expect(text.contains("\"hours_this_term\" : 7.5"))
        #expect(text.contains("\"hours_this_term\" : 10"))
    }

    @Test("Text: columns aligned under the header")
    func text() {
        let table = ReportTable(name: "P", columns: ["id", "status"],
                                rows: [[.text("1"), .text("behind")], [.text("10000"), .text("on_track")]])
        #expect(table.text == "id     status\n1      behind\n10000  on_track")
    }
}

@Suite("CSV numbers")
struct CSVNumberTests {
    @Test("Negative hours stay numbers in CSV; text that only looks numeric-ish is still neutralised")
    func negativeNumbers() throws {
        let table = ReportTable(name: "Credits", columns: ["net_hours", "days", "note"],
                                rows: [[.hours(ClockHours(hundredths: -750)), .count(-3), .text("-3")]])
        let records = try CSVReader(String(decoding: table.csv, as: UTF8.self)).map { try $0.get().fields }
        #expect(records[1] == ["-7.5", "-3", "'-3"])
    }
}
