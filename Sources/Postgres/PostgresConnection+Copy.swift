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
        let stream = try openCopyIn(copyStatement)
        do {
            try produceRows { row in try stream.write(row) }
        } catch {
            stream.cancel()
            throw error
        }
        return try stream.finish()
    }

    /// Starts a `COPY … FROM STDIN` that stays open while its rows are produced: see
    /// ``CopyInStream``. With `sendingAside`, a thread of its own hands the rows to the server
    /// while the caller goes on producing them.
    public func openCopyIn(_ copyStatement: String, sendingAside: Bool = false) throws -> CopyInStream {
        try startCopyIn(copyStatement)
        return CopyInStream(connection: self, sender: sendingAside ? CopyDataSender(connection: self) : nil)
    }

    /// Sends the COPY statement and checks that the server now waits for data.
    private func startCopyIn(_ copyStatement: String) throws {
        try awaitAside()
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
    func sendCopyData(_ bytes: [UInt8]) throws {
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
    fileprivate func copyResult(rowsWritten: Int) throws -> Int {
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

/// A `COPY … FROM STDIN` in text format, open until ``finish()`` or ``cancel()``.
///
/// Rows are encoded and handed to libpq 64 KiB at a time, and the server stores them as they
/// arrive: a caller that produces rows over a long time (a night reading its files) keeps the
/// server busy on the other core, where a COPY per batch would make each side wait for the
/// other. Nothing else may be sent on the connection while the COPY is open (libpq would end
/// it, storing nothing; `runAside` refuses).
public final class CopyInStream {
    private let connection: PostgresConnection
    /// With one, encoded rows are queued for its thread instead of sent from the caller's.
    private let sender: CopyDataSender?
    private var buffer = CopyTextBuffer(capacity: PostgresConnection.copyChunkSize + 1024)
    private var rowsWritten = 0
    private var open = true

    fileprivate init(connection: PostgresConnection, sender: CopyDataSender?) {
        self.connection = connection
        self.sender = sender
    }

    /// Queues one row: one value per column of the statement's column list, `nil` for `NULL`.
    public func write(_ row: [String?]) throws {
        guard open else { throw PostgresError(code: .copy, message: "the COPY has already ended") }
        buffer.append(row: row)
        rowsWritten += 1
        if buffer.count >= PostgresConnection.copyChunkSize {
            try hand(buffer.bytes)
            buffer.removeAll()
        }
    }

    private func hand(_ bytes: [UInt8]) throws {
        if let sender { try sender.enqueue(bytes) } else { try connection.sendCopyData(bytes) }
    }

    /// Sends what is left and ends the COPY. All or nothing: a rejected row stores none, and
    /// its error is thrown. Returns the number of rows copied.
    @discardableResult
    public func finish() throws -> Int {
        guard open else { throw PostgresError(code: .copy, message: "the COPY has already ended") }
        open = false
        do {
            if !buffer.isEmpty { try hand(buffer.bytes) }
            try sender?.finish()
        } catch {
            abandon()
            throw error
        }
        buffer.removeAll()
        guard PQputCopyEnd(connection.handle, nil) == 1 else {
            let error = connection.connectionError()
            _ = connection.finishPendingResults()
            throw error
        }
        return try connection.copyResult(rowsWritten: rowsWritten)
    }

    /// Ends the COPY storing nothing, leaving the connection usable (its transaction, if any,
    /// failed). Does nothing once the COPY has ended.
    public func cancel() {
        guard open else { return }
        open = false
        abandon()
    }

    private func abandon() {
        // The sender's thread lets go of the connection before it is used here.
        _ = try? sender?.finish(dropping: true)
        // The message goes to the server log, so it says nothing about the data.
        if PQputCopyEnd(connection.handle, "the client cancelled the COPY") == 1 {
            _ = connection.finishPendingResults()
        }
    }

    /// A COPY left open (an error on the way) is cancelled, so the connection can roll back.
    deinit { cancel() }
}
