/// The rows of a table as they are produced, chunk by chunk (from a database cursor, say),
/// rather than held: a sheet of a million rows is written in the memory of one chunk.
///
/// A `ReportRows` is read once: `forEachChunk` runs the producer, which may read from a
/// database as it goes, so a second call would read again.
public struct ReportRows {
    /// The sheet's name, e.g. `Credits`.
    public let name: String
    /// The column names, written as the header row.
    public let columns: [String]
    let produce: (_ emit: ([[ReportValue]]) throws -> Void) throws -> Void

    /// Rows made by `produce`, which calls the function it is given once per chunk, in order;
    /// every row has one value per column.
    public init(name: String, columns: [String],
                produce: @escaping (_ emit: ([[ReportValue]]) throws -> Void) throws -> Void) {
        self.name = name
        self.columns = columns
        self.produce = produce
    }

    /// The rows of a table held in memory, `chunkSize` at a time.
    public init(_ table: ReportTable, chunkSize: Int = 2_500) {
        self.init(name: table.name, columns: table.columns, rows: table.rows, chunkSize: chunkSize) { $0 }
    }

    /// Rows made from `items`, `chunkSize` items at a time, each by `row`: a long table is never
    /// held whole as report values.
    public init<Item>(name: String, columns: [String], rows items: [Item], chunkSize: Int = 2_500,
                      row: @escaping (Item) -> [ReportValue]) {
        self.init(name: name, columns: columns) { emit in
            for start in stride(from: 0, to: items.count, by: max(chunkSize, 1)) {
                try emit(items[start..<min(start + max(chunkSize, 1), items.count)].map(row))
            }
        }
    }

    /// Calls `body` with each chunk of rows, in order.
    public func forEachChunk(_ body: ([[ReportValue]]) throws -> Void) throws {
        try produce(body)
    }

    /// The same rows, each chunk shown to `observer` (a CSV file, a counter) before it goes on.
    public func observed(by observer: @escaping ([[ReportValue]]) throws -> Void) -> ReportRows {
        let produce = self.produce
        return ReportRows(name: name, columns: columns) { emit in
            try produce { chunk in
                try observer(chunk)
                try emit(chunk)
            }
        }
    }
}
