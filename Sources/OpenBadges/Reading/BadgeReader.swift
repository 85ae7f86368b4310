/// Reads badge files of every shape SPEC §4.3 lists. Never throws and never traps: whatever is
/// wrong with a file becomes an `invalid` item that says what.
public enum BadgeReader {
    /// The extensions read, lower case, without the dot.
    public static let badgeExtensions: Set<String> = ["json", "jsonl", "ndjson", "png", "svg", "jwt", "jws"]

    /// Reads one file's bytes; the extension (case-insensitive) picks the format. Never throws.
    public static func read(_ bytes: [UInt8], fileName: String, limits: ReadLimits = .standard) -> FileReading {
        let ext = fileExtension(of: fileName)
        guard badgeExtensions.contains(ext) else { return .notABadgeFile(ext: ext) }
        guard !bytes.isEmpty else {
            return .items([ReadItem(line: nil, content: .invalid(InvalidReason(code: InvalidReason.Code.emptyFile,
                                                                             message: "The file is empty (0 bytes); export the badge again.")),
                                    sha256: ContentHash.sha256Hex(bytes))])
        }
        guard bytes.count <= limits.maxFileBytes else {
            return .items([tooLargeItem(size: bytes.count, limits: limits, sha256: ContentHash.sha256Hex(bytes))])
        }
        switch ext {
        case "jsonl", "ndjson":
            return .items(BundleReader.read(bytes, fileName: fileName, limits: limits))
        case "png":
            return .items([BakedPNGReader.read(bytes, limits: limits)])
        case "svg":
            return .items([BakedSVGReader.read(bytes, limits: limits)])
        case "jwt", "jws":
            let sha256 = ContentHash.sha256Hex(bytes)
            return .items([ReadItem(line: nil, content: TokenReader.content(bytes[...], sha256: sha256, limits: limits),
                                    sha256: sha256)])
        default:
            let sha256 = ContentHash.sha256Hex(bytes)
            return .items([ReadItem(line: nil, content: JSONTextReader.content(bytes[...], sha256: sha256, limits: limits),
                                    sha256: sha256)])
        }
    }

    /// True when the extension is one we read (.json .jsonl .ndjson .png .svg .jwt .jws).
    public static func isBadgeFile(_ fileName: String) -> Bool {
        badgeExtensions.contains(fileExtension(of: fileName))
    }

    /// The extension of the last path component, lower case, without the dot (`""` when none).
    public static func fileExtension(of fileName: String) -> String {
        let utf8 = fileName.utf8
        var end = utf8.endIndex
        // Scan back from the end: the extension is after the last '.' of the last path component.
        while end > utf8.startIndex {
            let index = utf8.index(before: end)
            let byte = utf8[index]
            if byte == UInt8(ascii: "/") { return "" }
            if byte == UInt8(ascii: ".") {
                // A leading dot names a hidden file, not an extension.
                if index == utf8.startIndex || utf8[utf8.index(before: index)] == UInt8(ascii: "/") { return "" }
                return Text.lowercasedASCII(String(decoding: utf8[utf8.index(after: index)...], as: UTF8.self))
            }
            end = index
        }
        return ""
    }

    /// The item standing for a file over `limits.maxFileBytes`, which is never read.
    public static func tooLargeItem(size: Int, limits: ReadLimits, sha256: String) -> ReadItem {
        ReadItem(line: nil,
                 content: .invalid(InvalidReason(code: InvalidReason.Code.tooLarge,
                                                 message: "The file is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes; split it or ask for a smaller export.")),
                 sha256: sha256)
    }
}
