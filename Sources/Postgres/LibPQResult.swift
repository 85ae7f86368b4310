import CLibPQ

/// Owns one `PGresult*` and clears it when it goes out of scope.
///
/// Non-copyable so the pointer has exactly one owner and `PQclear` runs exactly once.
struct LibPQResult: ~Copyable {
    private let pointer: OpaquePointer

    /// Takes ownership of `pointer`; `nil` when libpq returned no result.
    init?(_ pointer: OpaquePointer?) {
        guard let pointer else {
            return nil
        }
        self.pointer = pointer
    }

    deinit {
        PQclear(pointer)
    }

    var status: ExecStatusType {
        PQresultStatus(pointer)
    }

    /// Whether the statement succeeded (with or without rows).
    var isSuccess: Bool {
        let status = status
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY
    }

    /// Whether the connection is now in a COPY sub-protocol that must be finished.
    var isCopy: Bool {
        let status = status
        return status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH
    }

    /// The command tag, for example `INSERT 0 3` or `ROLLBACK`.
    var commandStatus: String {
        PQcmdStatus(pointer).map { String(cString: $0) } ?? ""
    }

    /// Rows touched, from `PQcmdTuples` (an empty string there means "not applicable").
    var affectedRows: Int {
        PQcmdTuples(pointer).flatMap { Int(String(cString: $0)) } ?? 0
    }

    /// Copies every value out of libpq's memory.
    func rows() -> PostgresResult {
        let columnCount = PQnfields(pointer)
        let rowCount = PQntuples(pointer)
        let columns = PostgresColumns((0..<columnCount).map { column in
            PQfname(pointer, column).map { String(cString: $0) } ?? "?column?"
        })
        var rows: [PostgresRow] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(pointer, row, column) == 1 {
                    values.append(nil)
                } else {
                    // The length libpq already knows, rather than a search for the NUL that ends
                    // the text (PostgreSQL's text never contains one).
                    let length = Int(PQgetlength(pointer, row, column))
                    values.append(PQgetvalue(pointer, row, column).map { value in
                        String(decoding: UnsafeRawBufferPointer(start: value, count: length), as: UTF8.self)
                    } ?? "")
                }
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        return PostgresResult(columns: columns, rows: rows, affectedRows: affectedRows)
    }

    /// The server's structured error, or libpq's message when the server sent none.
    ///
    /// `connection` supplies the fallback message and tells a broken connection from a
    /// statement the server rejected.
    func error(connection: OpaquePointer) -> PostgresError {
        let sqlState = field(DiagnosticField.sqlState)
        let message = field(DiagnosticField.messagePrimary)
            ?? PQresultErrorMessage(pointer).map { String(cString: $0) }.flatMap(LibPQ.trimmed)
            ?? LibPQ.errorMessage(connection)
        // A session the server ended (e.g. SQLSTATE 57P01) is a lost connection, not a bad statement.
        let code: PostgresError.Code = PQstatus(connection) == CONNECTION_OK ? .server : .connection
        return PostgresError(code: code,
                             message: message,
                             sqlState: sqlState,
                             detail: field(DiagnosticField.messageDetail),
                             hint: field(DiagnosticField.messageHint),
                             constraint: field(DiagnosticField.constraintName),
                             table: field(DiagnosticField.tableName))
    }

    private func field(_ code: Int32) -> String? {
        PQresultErrorField(pointer, code).map { String(cString: $0) }.flatMap(LibPQ.trimmed)
    }
}
