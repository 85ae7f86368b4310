public import Relicensure

/// What a run posted, counted as it goes: totals for every entry, and the entries themselves
/// only up to `sampleLimit`, so a statewide backfill does not hold every posting in memory.
public struct PostingTally: Sendable {
    public static let sampleLimit = 1_000

    public private(set) var added = 0
    public private(set) var reversed = 0
    public private(set) var addedHours = ClockHours.zero
    public private(set) var reversedHours = ClockHours.zero
    /// The first postings, in order (all of them on a normal night).
    public private(set) var sample: [Posting] = []

    public init() {}

    public var count: Int { added + reversed }

    public mutating func record(_ postings: [Posting]) {
        for posting in postings {
            switch posting.action {
            case .add:
                added += 1
                addedHours += posting.hours
            case .reverse:
                reversed += 1
                reversedHours += posting.hours
            }
            if sample.count < Self.sampleLimit { sample.append(posting) }
        }
    }
}
