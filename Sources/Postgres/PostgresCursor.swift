import CLibPQ

/// A query's rows read through a server-side cursor, a batch at a time and one batch ahead:
/// each batch is asked for before the caller gets the one before it, so the server reads and
/// sends the next batch while the caller works on this one. A result of any size is read in the
/// memory of two batches.
///
/// Declare it inside a transaction (a cursor lives until its transaction ends). While a batch
/// is on its way the connection runs nothing else: read the cursor to its end, or let it go,
/// which takes the batch still on its way so that the connection can be used again.
public final class PostgresCursor {
    private let connection: PostgresConnection
    private let name: String
    private let batchSize: Int
    private let fetch: PostgresQuery
    /// Whether a FETCH has been sent and its result not yet read.
    private var awaiting = false

    /// Declares the cursor `name` for `query` and asks for its first batch without waiting.
    ///
    /// `name` is pasted into the statements: it must be a name the program chose (lower-case
    /// letters, digits and underscores), never one read from anywhere.
    public init(_ query: PostgresQuery, named name: String, batchSize: Int, on connection: PostgresConnection) throws {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
              name.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_")
                  || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) else {
            throw PostgresError(code: .parameter, message: "'\(name)' is not a cursor name (a-z, 0-9, _)")
        }
        self.connection = connection
        self.name = name
        self.batchSize = max(batchSize, 1)
        fetch = PostgresQuery(sql: "FETCH \(self.batchSize) FROM \(name)")
        var declare = query
        declare.sql = "DECLARE \(name) NO SCROLL CURSOR FOR " + query.sql
        try connection.query(declare)
        try connection.send(fetch)
        awaiting = true
    }

    deinit {
        if awaiting { _ = try? connection.receiveResult() }
    }

    /// The next batch of rows, or `nil` after the last one (the cursor is then closed).
    public func next() throws -> PostgresResult? {
        guard awaiting else { return nil }
        awaiting = false
        let rows = try connection.receiveResult()
        // A short batch is the last: no need to ask the server for an empty one.
        if rows.count < batchSize {
            try connection.query(PostgresQuery(sql: "CLOSE \(name)"))
            return rows.isEmpty ? nil : rows
        }
        try connection.send(fetch)
        awaiting = true
        return rows
    }
}

extension PostgresConnection {
    /// Sends one statement without waiting for its result, which `receiveResult()` takes; the
    /// connection runs nothing else until then.
    public func send(_ query: PostgresQuery) throws {
        try awaitAside()
        let parameters = try ParameterBuffer(query.parameters)
        let sent = parameters.withValuePointers { values in
            PQsendQueryParams(handle, query.sql, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else { throw connectionError() }
    }

    /// Waits for the result of the statement `send(_:)` sent: its rows, or the error it met.
    @discardableResult
    public func receiveResult() throws -> PostgresResult {
        // No work aside can be running here: `send` waited for any, and `runAside` refuses
        // while this result is pending.
        let result = PQgetResult(handle)
        // libpq ends each statement's results with NULL; the connection is free only after it.
        defer { _ = finishPendingResults() }
        return try rows(of: result)
    }
}
