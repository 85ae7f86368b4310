@testable import Relicensure
import Testing

/// A salt table is searched by halves, so its radix sort must give exactly `sorted()`.
@Suite("Radix sort of salt table entries")
struct RadixSortTests {
    @Test("The same order as sorted(): sizes either side of the cut-over, digits shared, repeated, descending, random",
          arguments: [0, 1, 4_096, 4_097, 150_000])
    func sameAsSorted(count: Int) {
        var generator = SplitMix(state: UInt64(count) &+ 7)
        let random = (0..<count).map { _ in generator.next() }
        // A salt table's shape: a digest prefix in the high half, an educator index in the low.
        let table = (0..<count).map { index in (generator.next() & 0xFFFF_FFFF_0000_0000) | UInt64(index / 3) }
        let sharedHigh = (0..<count).map { _ in 0xABCD_0000_0000_0000 | (generator.next() & 0xFFFF) }
        let repeated = (0..<count).map { UInt64($0 % 5) << 40 }
        let descending = (0..<count).reversed().map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let extremes = (0..<count).map { $0.isMultiple(of: 2) ? UInt64.max : 0 }
        let patterns = ["random": random, "salt table": table, "high half shared": sharedHigh, "repeated": repeated,
                        "descending": descending, "extremes": extremes]
        for (pattern, values) in patterns {
            // Compared whole, reported by name: a failure would print 150,000 numbers otherwise.
            let same = values.radixSorted() == values.sorted()
            #expect(same, "\(pattern), \(count) values")
        }
    }
}
