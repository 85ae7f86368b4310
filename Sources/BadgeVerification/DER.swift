/// Just enough DER to read a SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID, params }, BIT STRING }.
/// Keys arrive as PEM from configuration and from issuers; anything this cannot walk is not a key.
struct DER {
    /// One element: its tag and its content bytes.
    struct Element {
        let tag: UInt8
        let content: ArraySlice<UInt8>
    }

    static let sequenceTag: UInt8 = 0x30
    static let objectIdentifierTag: UInt8 = 0x06
    static let bitStringTag: UInt8 = 0x03

    /// The elements one after another in `bytes`; `nil` when a length runs past the end.
    static func elements(_ bytes: ArraySlice<UInt8>) -> [Element]? {
        var elements: [Element] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let tag = bytes[index]
            index += 1
            guard index < bytes.endIndex else { return nil }
            var length = Int(bytes[index])
            index += 1
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard count >= 1, count <= 4, bytes.endIndex - index >= count else { return nil }
                length = 0
                for byte in bytes[index..<index + count] { length = length << 8 | Int(byte) }
                index += count
            }
            guard length <= bytes.endIndex - index else { return nil }
            elements.append(Element(tag: tag, content: bytes[index..<index + length]))
            index += length
        }
        return elements
    }

    /// The algorithm OID (its content bytes) and the key bits of a SubjectPublicKeyInfo.
    static func subjectPublicKeyInfo(_ der: [UInt8]) -> (algorithm: [UInt8], parameters: [UInt8]?, key: [UInt8])? {
        guard let outer = elements(der[...]), outer.count == 1, outer[0].tag == sequenceTag,
              let parts = elements(outer[0].content), parts.count == 2,
              parts[0].tag == sequenceTag, parts[1].tag == bitStringTag,
              let algorithm = elements(parts[0].content), let oid = algorithm.first, oid.tag == objectIdentifierTag,
              let unusedBits = parts[1].content.first, unusedBits == 0 else { return nil }
        let parameters = algorithm.count > 1 && algorithm[1].tag == objectIdentifierTag ? Array(algorithm[1].content) : nil
        return (Array(oid.content), parameters, Array(parts[1].content.dropFirst()))
    }

    /// 1.2.840.113549.1.1.1
    static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
    /// 1.2.840.10045.2.1
    static let ecPublicKey: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]
    /// 1.2.840.10045.3.1.7 (P-256)
    static let prime256v1: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
    /// 1.3.101.112
    static let ed25519: [UInt8] = [0x2B, 0x65, 0x70]
}
