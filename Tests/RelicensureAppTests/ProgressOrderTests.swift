import Foundation
import OpenBadges
import Relicensure
@testable import RelicensureApp
import Testing

/// The Progress sheet's order (district, school, last name, first name, id) is made from one
/// joined key per educator for speed; it must stay the order of the five fields compared one
/// after the other, whatever the names hold — and a total one even where Swift's `<` on
/// strings is not (composed and decomposed accents mixed).
@Suite("Progress rows keep the order of their five fields")
struct ProgressOrderTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30) ?? CalendarDate(dayNumber: 0)

    /// The order as SPEC §6 words it: the fields compared in turn, each by its characters in
    /// Unicode's composed form (so that an accent's encoding does not matter).
    static func expectedOrder(_ roster: [Educator]) -> [String] {
        func scalars(_ text: String) -> [UInt32] { text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) }
        func fields(_ educator: Educator) -> [[UInt32]] {
            [educator.districtCode, educator.schoolName ?? "", educator.lastName, educator.firstName, educator.id].map(scalars)
        }
        func precedes(_ left: [[UInt32]], _ right: [[UInt32]]) -> Bool {
            for (a, b) in zip(left, right) where a != b { return a.lexicographicallyPrecedes(b) }
            return false
        }
        return roster.filter(\.isActive).sorted { precedes(fields($0), fields($1)) }.map(\.id)
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

    @Test("An accent composed or decomposed sorts the same, where Swift's < orders neither first")
    func accentEncodings() {
        let roster = [
            Educator(id: "1", firstName: "A", lastName: "éx", email: "a@x", districtCode: "31"),
            Educator(id: "2", firstName: "A", lastName: "e\u{301}", email: "b@x", districtCode: "31"),
            Educator(id: "3", firstName: "B", lastName: "e\u{301}x", email: "c@x", districtCode: "31"),
        ]
        // "é" is a prefix of "éx", so educator 2 comes first; 1 and 3 have the same last name
        // (the accent encoded two ways) and sort by first name.
        #expect(Self.order(roster) == ["2", "1", "3"])
        #expect(Self.order(roster.reversed()) == ["2", "1", "3"])
    }

    @Test("Accents, composed or not, case and other scripts sort by their characters, field by field",
          arguments: Array(UInt64(1)...30))
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
