/// Parameters laid out as NUL-terminated C strings in one allocation, for `PQexecParams`.
struct ParameterBuffer {
    /// PostgreSQL's wire protocol counts parameters in 16 bits.
    static let maximumCount = 65_535

    private var bytes: [CChar] = []
    /// Where each parameter starts in `bytes`; `nil` for SQL `NULL`.
    private var offsets: [Int?] = []

    init(_ parameters: [String?]) throws {
        guard parameters.count <= Self.maximumCount else {
            throw PostgresError(code: .parameter,
                                message: "a statement takes at most \(Self.maximumCount) parameters, "
                                    + "not \(parameters.count)")
        }
        offsets.reserveCapacity(parameters.count)
        for (index, parameter) in parameters.enumerated() {
            guard let parameter else {
                offsets.append(nil)
                continue
            }
            // A C string ends at the first NUL, so the server would get a truncated value.
            guard !parameter.utf8.contains(0) else {
                throw PostgresError(code: .parameter,
                                    message: "parameter $\(index + 1) contains a NUL character, "
                                        + "which PostgreSQL text cannot hold")
            }
            offsets.append(bytes.count)
            bytes.append(contentsOf: parameter.utf8.map { CChar(bitPattern: $0) })
            bytes.append(0)
        }
    }

    /// Calls `body` with one pointer per parameter (`nil` for NULL), valid only during the call.
    func withValuePointers<Result>(
        _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { storage in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.flatMap { storage.baseAddress?.advanced(by: $0) }
            }
            return try pointers.withUnsafeBufferPointer(body)
        }
    }
}
