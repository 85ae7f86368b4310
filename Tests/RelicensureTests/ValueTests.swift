import OpenBadges
import Relicensure
import Testing

@Suite("Exact hours and approvals")
struct ValueTests {
    @Test("ClockHours parses and prints decimals exactly", arguments: [
        ("10", "10"), ("7.5", "7.5"), ("7.50", "7.5"), ("0.25", "0.25"), (" 12 ", "12"), ("0.05", "0.05"),
        ("2939705.00", "2939705"),
    ])
    func parse(text: String, printed: String) {
        #expect(ClockHours(text)?.description == printed)
    }

    @Test("ClockHours rejects what is not a number of hours", arguments: ["", "ten", "1.234", "1e3", "--1", ".5", "1."])
    func reject(text: String) {
        #expect(ClockHours(text) == nil)
    }

    @Test("Sums stay exact where binary floating point would drift")
    func exactSums() {
        var total = ClockHours.zero
        for _ in 0..<10 { total += ClockHours("0.1") ?? .zero }
        #expect(total == ClockHours(1))
    }

    @Test("Overlapping rule windows are detected; adjacent ones are not")
    func overlaps() {
        let date = Fixture.date
        let first = IssuerRule(issuerID: "i", name: "I", hours: ClockHours(10), from: date("2024-07-01"), until: date("2025-06-30"))
        let adjacent = IssuerRule(issuerID: "i", name: "I", hours: ClockHours(10), from: date("2025-07-01"), until: nil)
        let overlapping = IssuerRule(issuerID: "i", name: "I", hours: ClockHours(10), from: date("2025-06-30"), until: nil)
        let open = IssuerRule(issuerID: "i", name: "I", hours: ClockHours(10))
        #expect(!first.overlaps(adjacent))
        #expect(first.overlaps(overlapping))
        #expect(open.overlaps(first))
    }
}
