import CLibPQ

extension PostgresConnection {
    /// How much encoded data is collected before it is handed to libpq.
    static let copyChunkSize = 64 * 1024

    /// Streams `rows` into a `COPY … FROM STDIN` statement in text format.
    ///
    /// Each row holds one value per column of the statement's column list, `nil` for SQL `NULL`.
    /// The COPY is all or nothing: if any row is rejected no row is stored, the error is thrown,
    /// and the connection stays usable.
    ///
    /// - Parameter copyStatement: for example `COPY award (id, hours) FROM STDIN`.
    /// - Returns: the number of rows copied.
    @discardableResult
    public func copyIn(_ copyStatement: String, rows: some Sequence<[String?]>) throws -> Int {
        try copyIn(copyStatement) { write in
            for row in rows {
                try write(row)
            }
        }
    }

    /// Streams the rows that `produceRows` writes into a `COPY … FROM STDIN` statement.
    ///
    /// Use this form when producing a row can fail: if `produceRows` throws, the COPY is
    /// cancelled, no row is stored, the connection stays usable and its error is rethrown.
    ///
    /// ```swift
    /// try connection.copyIn("COPY award (id, hours) FROM STDIN") { write in
    ///     for award in awards {
    ///         try write([award.id, try award.hoursText()])
    ///     }
    /// }
    /// ```
    ///
    /// The server checks the rows as they arrive but reports a rejected row only once all data
    /// has been sent, so the error comes at the end.
    /// - Returns: the number of rows copied.
    @discardableResult
    public func copyIn(
        _ copyStatement: String,
        _ produceRows: (_ write: ([String?]) throws -> Void) throws -> Void
    ) throws -> Int {
        try startCopyIn(copyStatement)

        var buffer = CopyTextBuffer(capacity: Self.copyChunkSize + 1024)
        var rowsWritten = 0
        do {
            try produceRows { row in
                buffer.append(row: row)
                rowsWritten += 1
                if buffer.count >= Self.copyChunkSize {
                    try sendCopyData(buffer.bytes)
                    buffer.removeAll()
                }
            }
            if !buffer.isEmpty {
                try sendCopyData(buffer.bytes)
            }
        } catch {
            // The message goes to the server log, so it says nothing about the data.
            if PQputCopyEnd(handle, "the client cancelled the COPY") == 1 {
                _ = finishPendingResults()
            }
            throw error
        }

        guard PQputCopyEnd(handle, nil) == 1 else {
            let error = connectionError()
            _ = finishPendingResults()
            throw error
        }
        return try copyResult(rowsWritten: rowsWritten)
    }

    /// Sends the COPY statement and checks that the server now waits for data.
    private func startCopyIn(_ copyStatement: String) throws {
        guard let result = LibPQResult(PQexec(handle, copyStatement)) else {
            throw connectionError()
        }
        if result.status == PGRES_COPY_IN {
            return
        }
        if result.isCopy {
            _ = finishPendingResults()
        } else if !result.isSuccess {
            throw result.error(connection: handle)
        }
        throw PostgresError(code: .copy, message: "copyIn needs a COPY … FROM STDIN statement")
    }

    /// Hands `bytes` to libpq in pieces whose size fits libpq's `int` length.
    private func sendCopyData(_ bytes: [UInt8]) throws {
        let pieceSize = 1 << 20
        try bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(start + pieceSize, raw.count)
                let piece = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                let status = PQputCopyData(handle,
                                           piece.baseAddress?.assumingMemoryBound(to: CChar.self),
                                           Int32(piece.count))
                guard status == 1 else {
                    throw PostgresError(code: .copy,
                                        message: "could not send COPY data: \(LibPQ.errorMessage(handle))")
                }
                start = end
            }
        }
    }

    /// Reads the outcome of the finished COPY; throws the server's error if it rejected a row.
    private func copyResult(rowsWritten: Int) throws -> Int {
        var copied: Int?
        var firstError: PostgresError?
        while let result = LibPQResult(PQgetResult(handle)) {
            if result.status == PGRES_COMMAND_OK {
                copied = copied ?? result.affectedRows
            } else if result.isCopy {
                // Cannot happen after PQputCopyEnd; finish it so the connection is usable.
                let pending = finishPendingResults()
                firstError = firstError ?? pending
                    ?? PostgresError(code: .copy, message: "the server did not end the COPY")
            } else if !result.isSuccess {
                firstError = firstError ?? result.error(connection: handle)
            }
        }
        if let firstError {
            throw firstError
        }
        return copied ?? rowsWritten
    }
}
