/// The outcome of one statement: its rows, copied out of libpq, and how many rows it touched.
///
/// The data is owned by Swift; nothing here points into libpq memory.
public struct PostgresResult: RandomAccessCollection, Sendable {
    private let columnIndex: PostgresColumns
    private let rows: [PostgresRow]
    /// The number of rows the statement inserted, updated, deleted, copied or selected
    /// (libpq's `PQcmdTuples`); 0 for statements that report none.
    public let affectedRows: Int

    init(columns: PostgresColumns, rows: [PostgresRow], affectedRows: Int) {
        columnIndex = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// Creates a result by hand, for example to test code that reads results without a database.
    public init(columns: [String], rows: [[String?]], affectedRows: Int = 0) {
        let columnIndex = PostgresColumns(columns)
        self.init(columns: columnIndex,
                  rows: rows.map { PostgresRow(columns: columnIndex, values: $0) },
                  affectedRows: affectedRows)
    }

    /// The column names, in order.
    public var columns: [String] { columnIndex.names }

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }

    public subscript(position: Int) -> PostgresRow {
        rows[position]
    }
}
