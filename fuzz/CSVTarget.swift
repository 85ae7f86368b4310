import CSV

/// libFuzzer entry point for the RFC 4180 reader and the header-keyed table the roster and
/// approvals imports read: no input may trap, lines never go backwards, and every record
/// written back with `CSVWriter.escape` reads the same again.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvTestOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    var lastLine = 0
    for result in CSVReader(text) {
        switch result {
        case .success(let record):
            precondition(record.line > lastLine, "lines go backwards")
            lastLine = record.line
            let written = record.fields.map(CSVWriter.escape).joined(separator: ",") + "\r\n"
            var again = CSVReader(written).makeIterator()
            if record.fields != [""], case .success(let reread)? = again.next() {
                precondition(reread.fields == record.fields, "a record does not survive writing and reading")
            }
        case .failure(let problem):
            precondition(problem.line > lastLine, "lines go backwards")
            lastLine = problem.line
        }
    }
    _ = try? CSVTable(text: text, file: "fuzz.csv", required: ["educator_id", "email"])
    return 0
}
