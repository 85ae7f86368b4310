import OpenBadges
import Relicensure
@testable import RelicensureApp
import RelicensureStore
import Testing

/// `RosterChanges` tells the night which educators to evaluate again from the fingerprints the
/// last night recorded, and reads their earlier addresses only for those that differ.
@Suite("Roster changes: who differs from the last night's reading, and which addresses moved")
struct RosterChangesTests {
    static func educator(_ id: String, email: String, others: [String] = [], district: String = "31",
                         active: Bool = true) -> Educator {
        Educator(id: id, firstName: "F", lastName: "L", email: email, otherEmails: others, districtCode: district,
                 licenseType: "continuing",
                 term: LicenseTerm(start: CalendarDate("2022-07-01")!, end: CalendarDate("2027-06-30")!),
                 isActive: active)
    }

    /// Fingerprints are stored from night to night: a release that wrote them differently
    /// would make every educator look changed once (a full re-evaluation of the ledger).
    @Test("The fingerprint is the fields the engine reads, joined by U+001F, as stored by earlier releases")
    func fingerprintIsStable() {
        let reading = RosterChanges.reading(Self.educator("1", email: "a@x.us", others: ["b@x.us"]))
        #expect(reading.fingerprint == "31\u{1F}continuing\u{1F}2022-07-01\u{1F}2027-06-30\u{1F}active\u{1F}a@x.us\u{1F}b@x.us")
        #expect(reading.emails == ["a@x.us", "b@x.us"] && reading.active)
    }

    @Test("Unchanged educators are not read again; changed, new and departed ones are, with their addresses")
    func changes() throws {
        let kept = Self.educator("1", email: "kept@x.us")
        let moved = Self.educator("2", email: "new@x.us")
        let districtOnly = Self.educator("3", email: "same@x.us", district: "32")
        let arrived = Self.educator("4", email: "arrived@x.us")
        let last: [String: EvaluatedEducator] = [
            "1": RosterChanges.reading(kept),
            "2": RosterChanges.reading(Self.educator("2", email: "old@x.us")),
            "3": RosterChanges.reading(Self.educator("3", email: "same@x.us")),
            "5": RosterChanges.reading(Self.educator("5", email: "gone@x.us")),
        ]
        var asked: [[String]] = []
        let changes = RosterChanges(roster: [kept, moved, districtOnly, arrived],
                                    previousFingerprints: last.mapValues(\.fingerprint)) { ids in
            asked.append(ids.sorted())
            return last.filter { ids.contains($0.key) }
        }
        #expect(Set(changes.changed.keys) == ["2", "3", "4"])
        #expect(changes.removed == ["5"])
        // Addresses moved for the educator whose address changed, the new one and the one who
        // left; a district change moves none.
        #expect(changes.addresses == ["old@x.us", "new@x.us", "arrived@x.us", "gone@x.us"])
        // Only the educators that differ and were read before are looked up, once.
        #expect(asked == [["2", "3", "5"]])
    }

    @Test("A quiet roster asks for nothing and finds no one gone")
    func quiet() throws {
        let roster = (0..<100).map { Self.educator("\($0)", email: "e\($0)@x.us") }
        let changes = RosterChanges(roster: roster,
                                    previousFingerprints: Dictionary(uniqueKeysWithValues: roster.map {
                                        ($0.id, RosterChanges.reading($0).fingerprint)
                                    })) { ids in
            #expect(ids.isEmpty)
            return [:]
        }
        #expect(changes.changed.isEmpty && changes.removed.isEmpty && changes.addresses.isEmpty)
    }
}
