/// The column names of one result, shared by all its rows.
struct PostgresColumns: Sendable {
    let names: [String]
    /// Only for results wider than `scanned` columns; narrower ones are searched in order.
    private let indexByName: [String: Int]
    /// Up to this many columns a row's value is found by comparing names in order: a night
    /// decodes millions of values by name, and comparing a few short names costs less than
    /// hashing the one asked for (the 100k backfill's user CPU fell from 5.4–6.0 s to 4.9–5.2 s
    /// with this and smaller changes; see docs/PERFORMANCE.md).
    private static let scanned = 16

    init(_ names: [String]) {
        self.names = names
        // When two columns share a name the first wins, as with libpq's PQfnumber.
        var indexByName: [String: Int] = [:]
        if names.count > Self.scanned {
            for (index, name) in names.enumerated() where indexByName[name] == nil {
                indexByName[name] = index
            }
        }
        self.indexByName = indexByName
    }

    func index(of name: String) -> Int? {
        names.count > Self.scanned ? indexByName[name] : names.firstIndex(of: name)
    }
}
