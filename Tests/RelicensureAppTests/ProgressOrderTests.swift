import OpenBadges
import Relicensure
@testable import RelicensureApp
import Testing

/// The Progress sheet's order (district, school, last name, first name, id) is made from one
/// joined key per educator for speed; it must stay the order of the five fields compared one
/// after the other, whatever the names hold.
@Suite("Progress rows keep the order of their five fields")
struct ProgressOrderTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30) ?? CalendarDate(dayNumber: 0)

    /// The order as SPEC §6 words it: the fields compared in turn.
    static func expectedOrder(_ roster: [Educator]) -> [String] {
        roster.filter(\.isActive)
            .sorted { ($0.districtCode, $0.schoolName ?? "", $0.lastName, $0.firstName, $0.id)
                < ($1.districtCode, $1.schoolName ?? "", $1.lastName, $1.firstName, $1.id) }
            .map(\.id)
    }

    static func order(_ roster: [Educator]) -> [String] {
        ProgressRow.rows(roster: roster, hours: [:], pdms: PDMSHours(snapshot: nil, byEducator: [:]),
                         required: ClockHours(90), asOf: asOf).map(\.educator.id)
    }

    @Test("Names that are prefixes of one another, across the fields' borders, sort field by field")
    func prefixesAcrossFields() {
        let roster = [
            Educator(id: "1", firstName: "Zed", lastName: "Ann", email: "a@x", districtCode: "31", schoolName: "Oak"),
            Educator(id: "2", firstName: "Abe", lastName: "Anna", email: "b@x", districtCode: "31", schoolName: "Oak"),
            Educator(id: "3", firstName: "Abe", lastName: "Ann", email: "c@x", districtCode: "31", schoolName: "Oaks"),
            Educator(id: "4", firstName: "Abe", lastName: "Ann", email: "d@x", districtCode: "3", schoolName: "Oakz"),
            Educator(id: "5", firstName: "Abe", lastName: "Ann", email: "e@x", districtCode: "31", schoolName: nil),
            Educator(id: "6", firstName: "Abe", lastName: "Ann", email: "f@x", districtCode: "31", schoolName: ""),
            Educator(id: "7", firstName: "Abe", lastName: "Ann", email: "g@x", districtCode: "31", schoolName: "Oak",
                     isActive: false),
        ]
        #expect(Self.order(roster) == ["4", "5", "6", "1", "2", "3"])
        #expect(Self.order(roster) == Self.expectedOrder(roster))
    }

    @Test("Accents, composed or not, case and other scripts sort as Swift compares the fields", arguments: [1, 2, 3])
    func seededNames(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pieces = ["Ann", "Anna", "an", "Zoë", "Zoe\u{308}", "Zoe", "O'Neil", "Ó", "Ø", "李", "Müller", "Mu", " ", ""]
        let roster = (0..<400).map { index in
            Educator(id: String(format: "%04d", random.below(200)) + "-\(index)",
                     firstName: random.pick(pieces) + random.pick(pieces), lastName: random.pick(pieces) + random.pick(pieces),
                     email: "e\(index)@x", districtCode: random.pick(["31", "3", "310", "32"]),
                     schoolName: random.below(5) == 0 ? nil : random.pick(pieces), isActive: random.below(10) != 0)
        }
        #expect(Self.order(roster) == Self.expectedOrder(roster))
    }
}
