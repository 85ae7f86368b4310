extension Array where Element == UInt64 {
    /// The same array as `sorted()`, made by a least-significant-digit radix sort: four passes
    /// of 16 bits, a pass left out when every element has the same digit there (in a salt
    /// table, bits 16–31 hold an educator's index above 65,535: zero for smaller rosters).
    ///
    /// Why not the standard library's sort: a night makes a salt table of every roster address
    /// form (150,000 entries for 50,000 educators) for each recurring salt, and sorting them took
    /// a fifth of a normal night's matching; two to four linear passes replace 17 rounds of
    /// comparisons (docs/PERFORMANCE.md, "Issue 15, fifth part").
    func radixSorted() -> [UInt64] {
        // Below a few thousand elements the 2¹⁶ counters cost more than comparing.
        guard count > 4_096 else { return sorted() }
        var source = self
        var target = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            let moved = source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        Self.scatter(source, into: target, byDigitAt: shift, counts: counts)
                    }
                }
            }
            if moved { swap(&source, &target) }
        }
        return source
    }

    /// One pass: `source` into `target` in the order of the 16-bit digit at `shift`, keeping the
    /// order of equal digits. Returns false, having moved nothing, when every digit is the same.
    private static func scatter(_ source: UnsafeBufferPointer<UInt64>, into target: UnsafeMutableBufferPointer<UInt64>,
                                byDigitAt shift: UInt64, counts: UnsafeMutableBufferPointer<Int>) -> Bool {
        counts.update(repeating: 0)
        for value in source { counts[Int(truncatingIfNeeded: (value &>> shift) & 0xFFFF)] += 1 }
        if let first = source.first, counts[Int(truncatingIfNeeded: (first &>> shift) & 0xFFFF)] == source.count {
            return false
        }
        var start = 0
        for digit in counts.indices {
            let many = counts[digit]
            counts[digit] = start
            start += many
        }
        for value in source {
            let digit = Int(truncatingIfNeeded: (value &>> shift) & 0xFFFF)
            target[counts[digit]] = value
            counts[digit] += 1
        }
        return true
    }
}
