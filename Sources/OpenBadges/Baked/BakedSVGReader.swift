/// Reads baked SVG badges (stage 4).
enum BakedSVGReader {
    static func read(_ bytes: [UInt8], limits: ReadLimits) -> ReadItem {
        ReadItem(line: nil, content: .invalid(InvalidReason(code: InvalidReason.Code.unsupportedFormat,
                                                            message: "Baked SVG badges are not read yet.")),
                 sha256: ContentHash.sha256Hex(bytes))
    }
}
