import CLibPQ

extension PostgresConnection {
    /// Runs one statement with its parameters sent apart from the SQL text.
    ///
    /// Parameters go in text format and the server infers their types from the statement.
    /// - Throws: ``PostgresError``; for a rejected statement, code ``PostgresError/Code/server``
    ///   with the server's SQLSTATE.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> PostgresResult {
        try awaitAside()
        let parameters = try ParameterBuffer(query.parameters)
        let result = parameters.withValuePointers { values in
            PQexecParams(handle, query.sql, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
        }
        return try rows(of: result)
    }

    /// Runs one statement whose placeholders `$1 … $n` are bound to `parameters` in order;
    /// `nil` is SQL `NULL`.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?]) throws -> PostgresResult {
        try query(PostgresQuery(sql: sql, parameters: parameters))
    }

    /// Runs a script of one or more statements separated by `;`, such as a migration.
    ///
    /// Takes no parameters. Unless the script has its own `BEGIN`/`COMMIT`, the server runs all of
    /// it as one transaction and stops at the first failing statement.
    public func execute(script sql: String) throws {
        try awaitAside()
        _ = try rows(of: PQexec(handle, sql))
    }

    /// Takes a result from libpq: its rows on success, else the error it carries.
    ///
    /// A COPY started through the wrong method is aborted first, so the connection stays usable.
    func rows(of pointer: OpaquePointer?) throws -> PostgresResult {
        guard let result = LibPQResult(pointer) else {
            throw connectionError()
        }
        if result.isSuccess {
            return result.rows()
        }
        if result.isCopy {
            _ = finishPendingResults()
            throw PostgresError(code: .copy,
                                message: "COPY FROM STDIN must be run with copyIn; "
                                    + "COPY TO STDOUT is not supported")
        }
        throw result.error(connection: handle)
    }

    /// Reads every remaining result until libpq has none, ending any COPY on the way.
    ///
    /// - Returns: the first error among them, if any.
    func finishPendingResults() -> PostgresError? {
        var firstError: PostgresError?
        while let result = LibPQResult(PQgetResult(handle)) {
            let status = result.status
            if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH {
                // The server rolls the COPY back and answers with an error, which we skip.
                guard PQputCopyEnd(handle, "the client abandoned the COPY") == 1 else {
                    return firstError ?? connectionError()
                }
            } else if status == PGRES_COPY_OUT {
                discardCopyOutput()
            } else if !result.isSuccess, firstError == nil {
                firstError = result.error(connection: handle)
            }
        }
        return firstError
    }

    private func discardCopyOutput() {
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(handle, &buffer, 0) > 0 {
            if let buffer {
                PQfreemem(buffer)
            }
            buffer = nil
        }
    }
}
