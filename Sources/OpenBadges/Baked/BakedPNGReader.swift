/// Reads baked PNG badges (Open Badges Baking): walks every chunk, checking lengths and CRCs,
/// and takes the text of an `iTXt` chunk with the keyword `openbadges` or `openbadgecredential`
/// (compressed or not; its language tag and translated keyword are skipped), else of a `tEXt`
/// or `zTXt` chunk with that keyword.
enum BakedPNGReader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let keywords: Set<String> = ["openbadges", "openbadgecredential"]

    static func read(_ bytes: [UInt8], limits: ReadLimits) -> ReadItem {
        do {
            let text = try bakedText(bytes, limits: limits)
            return BakedTextReader.item(text, limits: limits)
        } catch {
            return ReadItem(line: nil, content: .invalid(error), sha256: ContentHash.sha256Hex(bytes))
        }
    }

    /// The baked text, or why there is none.
    static func bakedText(_ bytes: [UInt8], limits: ReadLimits) throws(InvalidReason) -> [UInt8] {
        guard bytes.starts(with: signature) else {
            throw bad(bytes.count < signature.count ? "The file is too short to be a PNG image."
                                                   : "The file does not start with the PNG signature; it is not a PNG image.")
        }
        var international: [[UInt8]] = []
        var latin: [[UInt8]] = []
        var offset = signature.count
        var sawHeader = false
        while true {
            guard offset + 8 <= bytes.count else {
                throw bad("The PNG is truncated: it ends at byte \(bytes.count) without an IEND chunk.")
            }
            let length = Int(bigEndian32(bytes, at: offset))
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else {
                throw bad("The PNG chunk at byte \(offset) has an invalid type; the file is corrupt.")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= 0x7FFF_FFFF else {
                throw bad("The PNG chunk '\(type)' at byte \(offset) declares \(length) bytes, more than PNG allows.")
            }
            let dataStart = offset + 8
            // The data and its 4-byte CRC must fit in what is left of the file.
            guard length <= bytes.count - dataStart - 4 else {
                throw bad("The PNG chunk '\(type)' at byte \(offset) declares \(length) bytes but only \(max(0, bytes.count - dataStart - 4)) remain; the file is truncated or corrupt.")
            }
            let dataEnd = dataStart + length
            let storedCRC = bigEndian32(bytes, at: dataEnd)
            guard CRC32.checksum(bytes[(offset + 4)..<dataEnd]) == storedCRC else {
                throw bad("The PNG chunk '\(type)' at byte \(offset) fails its CRC check; the file is corrupt.")
            }
            if !sawHeader {
                guard type == "IHDR", length == 13 else { throw bad("The PNG does not begin with an IHDR chunk; the file is corrupt.") }
                sawHeader = true
            }
            let data = bytes[dataStart..<dataEnd]
            switch type {
            case "iTXt":
                if let text = try internationalText(data, limits: limits) { international.append(text) }
            case "tEXt":
                if let text = plainText(data) { latin.append(text) }
            case "zTXt":
                if let text = try compressedText(data, limits: limits) { latin.append(text) }
            case "IEND":
                return try choose(international.isEmpty ? latin : international)
            default:
                break
            }
            offset = dataEnd + 4
        }
    }

    private static func choose(_ texts: [[UInt8]]) throws(InvalidReason) -> [UInt8] {
        guard let first = texts.first else {
            throw InvalidReason(code: InvalidReason.Code.noBadgeData,
                                message: "The PNG has no 'openbadges' or 'openbadgecredential' text chunk: it is an image, not a baked badge.")
        }
        guard texts.allSatisfy({ $0 == first }) else {
            throw bad("The PNG holds \(texts.count) different Open Badges chunks; re-bake it with one.")
        }
        return first
    }

    /// `keyword NUL flag method language NUL translated NUL text`.
    private static func internationalText(_ data: ArraySlice<UInt8>, limits: ReadLimits) throws(InvalidReason) -> [UInt8]? {
        guard let keywordEnd = data.firstIndex(of: 0), isBadgeKeyword(data[data.startIndex..<keywordEnd]) else { return nil }
        guard keywordEnd + 2 < data.endIndex else { throw bad("The PNG's Open Badges iTXt chunk is truncated.") }
        let compressed = data[keywordEnd + 1]
        let method = data[keywordEnd + 2]
        let afterFlags = keywordEnd + 3
        guard let languageEnd = data[afterFlags...].firstIndex(of: 0),
              let translatedEnd = data[(languageEnd + 1)...].firstIndex(of: 0) else {
            throw bad("The PNG's Open Badges iTXt chunk lacks its language tag or translated keyword.")
        }
        let text = data[(translatedEnd + 1)...]
        switch compressed {
        case 0: return Array(text)
        case 1:
            guard method == 0 else { throw bad("The PNG's Open Badges iTXt chunk uses unknown compression method \(method).") }
            return try inflate(text, limits: limits)
        default:
            throw bad("The PNG's Open Badges iTXt chunk has an invalid compression flag \(compressed).")
        }
    }

    /// `keyword NUL text`, Latin-1 by the PNG standard: converted to UTF-8 unless it already is.
    private static func plainText(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        guard let keywordEnd = data.firstIndex(of: 0), isBadgeKeyword(data[data.startIndex..<keywordEnd]) else { return nil }
        return latin1ToUTF8(Array(data[(keywordEnd + 1)...]))
    }

    /// `keyword NUL method zlib-data`.
    private static func compressedText(_ data: ArraySlice<UInt8>, limits: ReadLimits) throws(InvalidReason) -> [UInt8]? {
        guard let keywordEnd = data.firstIndex(of: 0), isBadgeKeyword(data[data.startIndex..<keywordEnd]) else { return nil }
        guard keywordEnd + 1 < data.endIndex, data[keywordEnd + 1] == 0 else {
            throw bad("The PNG's Open Badges zTXt chunk uses an unknown compression method.")
        }
        return latin1ToUTF8(try inflate(data[(keywordEnd + 2)...], limits: limits))
    }

    private static func inflate(_ data: ArraySlice<UInt8>, limits: ReadLimits) throws(InvalidReason) -> [UInt8] {
        do {
            return try Inflate.zlib(data, limit: limits.maxInflatedBytes)
        } catch {
            switch error {
            case .tooLarge(let limit):
                throw InvalidReason(code: InvalidReason.Code.tooLarge,
                                    message: "The PNG's compressed Open Badges text inflates to more than \(limit) bytes; it is refused as a possible zip bomb.")
            case .corrupt(let detail):
                throw bad("The PNG's compressed Open Badges text cannot be inflated: \(detail).")
            }
        }
    }

    private static func isBadgeKeyword(_ keyword: ArraySlice<UInt8>) -> Bool {
        keywords.contains(String(decoding: keyword, as: UTF8.self))
    }

    private static func latin1ToUTF8(_ text: [UInt8]) -> [UInt8] {
        if UTF8Validation.isValid(text) { return text }
        return Array(String(text.map { Character(Unicode.Scalar($0)) }).utf8)
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func bad(_ message: String) -> InvalidReason {
        InvalidReason(code: InvalidReason.Code.badPNG, message: message)
    }
}
