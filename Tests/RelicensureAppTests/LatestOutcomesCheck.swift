import OpenBadges
import Postgres
@testable import RelicensureStore
import Testing

/// sql/016: reports read each award's current outcome as its latest known one as of a day only
/// when sorting the whole outcome history would find the same. Run after each of a test's
/// nights, this holds the two ways against each other on every selection a report reads.
enum LatestOutcomesCheck {
    static let educators = ["0040100", "0040137", "0040300", "0040400"]

    /// For each of `days`, every selection reads the same awards, outcomes and hours whichever
    /// way the latest outcomes are found, wherever the current rows are used. Returns the days
    /// on which they are.
    @discardableResult
    static func expectAgreement(_ database: CreditTestDatabase, days: [String],
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let store = try database.store()
        var currentDays: [String] = []
        for text in days {
            let day = try #require(CalendarDate(text), sourceLocation: sourceLocation)
            guard try store.latestOutcomes(asOf: day) == .current else { continue }
            currentDays.append(text)
            let month = try #require(CalendarDate("2026-11-01"), sourceLocation: sourceLocation)
            let selections: [AwardSelection] = [.open, .outcome("credited"), .outcome("pending_approval"),
                                                .uncreditedFirstSeen(from: month, through: day)]
                + educators.map { .educator($0) }
            for selection in selections {
                let current = try database.rows(Store.awardsQuery(selection, asOf: day, latest: .current))
                let sorted = try database.rows(Store.awardsQuery(selection, asOf: day, latest: .sortedHistory))
                #expect(current == sorted, "as of \(text), \(selection)", sourceLocation: sourceLocation)
            }
        }
        return currentDays
    }
}
