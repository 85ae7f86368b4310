import OpenBadges

/// libFuzzer entry point: the first byte picks the file extension, the rest is the file.
/// `BadgeReader.read` must never trap, whatever the bytes (SPEC §5 step 1: one bad file never
/// stops the run).
@_cdecl("LLVMFuzzerTestOneInput")
public func badgeReaderTestOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let selector = bytes.first else { return 0 }
    let extensions = ["json", "jsonl", "png", "svg", "jwt", "ndjson", "jws", "JSON"]
    let name = "fuzz." + extensions[Int(selector) % extensions.count]
    let limits = ReadLimits(maxFileBytes: 1 << 20, maxDocumentBytes: 1 << 18, maxDepth: 64, maxInflatedBytes: 1 << 18)
    for item in BadgeReader.read(Array(bytes.dropFirst()), fileName: name, limits: limits).items {
        // Touch what the nightly job reads of every item.
        if let assertion = item.content.assertion {
            _ = assertion.document.serialized()
            _ = assertion.recipient?.identity
        }
        _ = item.content.invalidReason?.code
    }
    return 0
}
