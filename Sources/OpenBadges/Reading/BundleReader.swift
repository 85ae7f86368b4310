/// Reads `.jsonl` / `.ndjson` bundles: one document per line, blank lines ignored, each bad
/// line one `invalid` item naming the file and line; the other lines are read.
enum BundleReader {
    static func read(_ bytes: [UInt8], fileName: String, limits: ReadLimits) -> [ReadItem] {
        var items: [ReadItem] = []
        var lineNumber = 0
        var start = 0
        // A UTF-8 byte-order mark belongs to the file, not to the first document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start <= bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = bytes[start..<lineEnd]
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                let sha256 = ContentHash.sha256Hex(line)
                var content: ReadContent
                if line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{") {
                    content = JSONTextReader.content(line, sha256: sha256, limits: limits)
                } else if CompactJWS.looksLikeToken(line) {
                    content = TokenReader.content(line, sha256: sha256, limits: limits)
                } else {
                    content = JSONTextReader.content(line, sha256: sha256, limits: limits)
                }
                if case .invalid(let reason) = content {
                    content = .invalid(InvalidReason(code: reason.code, message: "\(fileName), line \(lineNumber): \(reason.message)"))
                }
                items.append(ReadItem(line: lineNumber, content: content, sha256: sha256))
            }
            start = end + 1
        }
        if items.isEmpty {
            items.append(ReadItem(line: nil,
                                  content: .invalid(InvalidReason(code: InvalidReason.Code.emptyFile,
                                                                  message: "\(fileName): the bundle has only blank lines; export the awards again.")),
                                  sha256: ContentHash.sha256Hex(bytes)))
        }
        return items
    }
}
