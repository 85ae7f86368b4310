/// Reads baked PNG badges (stage 4).
enum BakedPNGReader {
    static func read(_ bytes: [UInt8], limits: ReadLimits) -> ReadItem {
        ReadItem(line: nil, content: .invalid(InvalidReason(code: InvalidReason.Code.unsupportedFormat,
                                                            message: "Baked PNG badges are not read yet.")),
                 sha256: ContentHash.sha256Hex(bytes))
    }
}
