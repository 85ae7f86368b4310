/// A small, careful scanner for the one element a baked SVG carries: `assertion` or
/// `credential` in an Open Badges namespace (bound to any prefix, or the default namespace).
///
/// It is not an XML parser and cannot fetch anything: a DOCTYPE that declares entities is
/// refused (external ones as XXE), entity references other than the five predefined ones and
/// character references are refused rather than expanded, and the DTD a DOCTYPE names is never
/// loaded. Markup is checked only as far as the badge element.
struct SVGBadgeScanner {
    /// The badge element found: its character content (text and CDATA) and its `verify` attribute.
    struct BadgeElement {
        let name: String
        let content: [UInt8]
        let verify: String?
    }

    static let namespaces: Set<String> = ["http://openbadges.org", "https://openbadges.org",
                                          "https://purl.imsglobal.org/ob/v3p0", "http://purl.imsglobal.org/ob/v3p0"]
    static let localNames: Set<String> = ["assertion", "credential"]

    private struct StartTag {
        let name: String
        let attributes: [(name: String, value: String)]
        let isEmpty: Bool
    }

    private let bytes: [UInt8]
    private var index: Int
    private var openElements: [String] = []
    private var scopes: [[String: String]] = []

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        self.index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The first badge element, or `nil` when the document has none.
    static func scan(_ bytes: [UInt8]) throws(InvalidReason) -> BadgeElement? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InvalidReason(code: InvalidReason.Code.notUTF8, message: "The SVG is UTF-16, not UTF-8; save it as UTF-8.")
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw InvalidReason(code: InvalidReason.Code.notUTF8,
                                message: "The SVG is not valid UTF-8 (at byte \(offset)); save it as UTF-8.")
        }
        var scanner = SVGBadgeScanner(bytes: bytes)
        return try scanner.run()
    }

    private mutating func run() throws(InvalidReason) -> BadgeElement? {
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open
            if startsWith("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if startsWith("<!--") {
                try skip(past: "-->", what: "comment")
            } else if startsWith("<![CDATA[") {
                try skip(past: "]]>", what: "CDATA section")
            } else if startsWith("<!DOCTYPE") {
                try doctype()
            } else if startsWith("<!") {
                throw bad("The SVG has an unexpected markup declaration at byte \(index).")
            } else if startsWith("</") {
                try endTag()
            } else {
                let tag = try startTag()
                scopes.append(namespaceDeclarations(tag))
                if isBadgeElement(tag.name) { return try badgeElement(tag) }
                if tag.isEmpty { scopes.removeLast() } else { openElements.append(tag.name) }
            }
        }
        return nil
    }

    // MARK: - Markup

    private mutating func doctype() throws(InvalidReason) {
        let start = index
        var quote: UInt8? = nil
        var subsetDepth = 0
        index += 9
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                subsetDepth += 1
            } else if byte == UInt8(ascii: "]") {
                subsetDepth -= 1
            } else if byte == UInt8(ascii: ">"), subsetDepth <= 0 {
                try judgeDoctype(bytes[start..<index])
                return
            }
        }
        throw bad("The SVG's DOCTYPE is not closed.")
    }

    /// A DOCTYPE may name an external DTD (never loaded) but may not declare entities.
    private func judgeDoctype(_ declaration: ArraySlice<UInt8>) throws(InvalidReason) {
        let text = Array(declaration)
        let marker = Array("<!ENTITY".utf8)
        var declaresEntity = false
        var position = 0
        while position + marker.count <= text.count {
            guard text[position..<(position + marker.count)].elementsEqual(marker) else {
                position += 1
                continue
            }
            declaresEntity = true
            let end = text[position...].firstIndex(of: UInt8(ascii: ">")) ?? text.count
            let entity = String(decoding: text[position..<end], as: UTF8.self)
            if entity.contains("SYSTEM") || entity.contains("PUBLIC") {
                throw InvalidReason(code: InvalidReason.Code.svgExternalEntity,
                                    message: "The SVG's DOCTYPE declares an external entity, which could read files or URLs (XXE); it is never loaded. Re-export the badge without a DOCTYPE.")
            }
            position = end
        }
        if declaresEntity {
            throw InvalidReason(code: InvalidReason.Code.svgEntityDeclaration,
                                message: "The SVG's DOCTYPE declares entities, which could expand without bound; they are never expanded. Re-export the badge without them.")
        }
    }

    /// Reads `</name>` at the current position; returns the name and where the tag began.
    private mutating func readEndTag() throws(InvalidReason) -> (name: String, at: Int) {
        let at = index
        index += 2
        let name = readName()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw bad("The SVG's end tag at byte \(at) is not closed.") }
        index += 1
        return (name, at)
    }

    private mutating func endTag() throws(InvalidReason) {
        let (name, at) = try readEndTag()
        guard let open = openElements.last, open == name else {
            throw bad("The SVG's end tag </\(name)> at byte \(at) does not match the open element.")
        }
        openElements.removeLast()
        scopes.removeLast()
    }

    private mutating func startTag() throws(InvalidReason) -> StartTag {
        let at = index
        index += 1
        let name = readName()
        guard !name.isEmpty else { throw bad("The SVG has an invalid character after '<' at byte \(at).") }
        var attributes: [(name: String, value: String)] = []
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw bad("The SVG's tag <\(name)> at byte \(at) is not closed.") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return StartTag(name: name, attributes: attributes, isEmpty: false)
            }
            if startsWith("/>") {
                index += 2
                return StartTag(name: name, attributes: attributes, isEmpty: true)
            }
            let attributeName = readName()
            guard !attributeName.isEmpty else { throw bad("The SVG's tag <\(name)> at byte \(at) has a malformed attribute.") }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw bad("The SVG's attribute '\(attributeName)' at byte \(index) has no value.")
            }
            index += 1
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw bad("The SVG's attribute '\(attributeName)' at byte \(index) is not quoted.")
            }
            let quote = bytes[index]
            index += 1
            guard let close = bytes[index...].firstIndex(of: quote) else {
                throw bad("The SVG's attribute '\(attributeName)' at byte \(index) is not closed.")
            }
            let raw = bytes[index..<close]
            guard !raw.contains(UInt8(ascii: "<")) else { throw bad("The SVG's attribute '\(attributeName)' contains '<'.") }
            guard !attributes.contains(where: { $0.name == attributeName }) else {
                throw bad("The SVG's tag <\(name)> repeats the attribute '\(attributeName)'.")
            }
            attributes.append((attributeName, String(decoding: try decodeReferences(raw), as: UTF8.self)))
            index = close + 1
        }
    }

    /// The character content of the badge element: text (references decoded) and CDATA.
    private mutating func badgeElement(_ tag: StartTag) throws(InvalidReason) -> BadgeElement {
        let verify = tag.attributes.first(where: { $0.name == "verify" })?.value
        guard !tag.isEmpty else { return BadgeElement(name: tag.name, content: [], verify: verify) }
        var content: [UInt8] = []
        var nested: [String] = []
        while true {
            guard let next = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
                throw bad("The SVG's <\(tag.name)> element is not closed; the file is truncated.")
            }
            content.append(contentsOf: bytes[index..<next])
            index = next
            if bytes[index] == UInt8(ascii: "&") {
                guard let end = bytes[index...].prefix(16).firstIndex(of: UInt8(ascii: ";")) else {
                    throw bad("The SVG has a bare '&' at byte \(index) inside <\(tag.name)>.")
                }
                content.append(contentsOf: try decodeReferences(bytes[index...end]))
                index = end + 1
            } else if startsWith("<![CDATA[") {
                let start = index + 9
                guard let end = find("]]>", from: start) else { throw bad("The SVG's CDATA section at byte \(index) is not closed.") }
                content.append(contentsOf: bytes[start..<end])
                index = end + 3
            } else if startsWith("<!--") {
                try skip(past: "-->", what: "comment")
            } else if startsWith("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if startsWith("<!") {
                throw bad("The SVG has an unexpected markup declaration at byte \(index).")
            } else if startsWith("</") {
                let (name, at) = try readEndTag()
                if let open = nested.last {
                    guard open == name else { throw bad("The SVG's end tag </\(name)> at byte \(at) does not match the open element.") }
                    nested.removeLast()
                } else {
                    guard name == tag.name else { throw bad("The SVG's end tag </\(name)> at byte \(at) does not close <\(tag.name)>.") }
                    return BadgeElement(name: tag.name, content: content, verify: verify)
                }
            } else {
                let inner = try startTag()
                if !inner.isEmpty { nested.append(inner.name) }
            }
        }
    }

    // MARK: - Names, namespaces and references

    private func namespaceDeclarations(_ tag: StartTag) -> [String: String] {
        var declared: [String: String] = [:]
        for attribute in tag.attributes {
            if attribute.name == "xmlns" {
                declared[""] = attribute.value
            } else if attribute.name.hasPrefix("xmlns:") {
                declared[String(attribute.name.dropFirst(6))] = attribute.value
            }
        }
        return declared
    }

    private func isBadgeElement(_ name: String) -> Bool {
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let prefix = parts.count == 2 ? String(parts[0]) : ""
        let local = String(parts.last ?? "")
        guard SVGBadgeScanner.localNames.contains(local) else { return false }
        for scope in scopes.reversed() {
            if let uri = scope[prefix] {
                let normalized = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
                return SVGBadgeScanner.namespaces.contains(normalized)
            }
        }
        return false
    }

    /// Decodes `&lt; &gt; &amp; &quot; &apos; &#N; &#xH;`; any other reference is refused, never expanded.
    private func decodeReferences(_ raw: ArraySlice<UInt8>) throws(InvalidReason) -> [UInt8] {
        guard raw.contains(UInt8(ascii: "&")) else { return Array(raw) }
        var output: [UInt8] = []
        var position = raw.startIndex
        while position < raw.endIndex {
            guard raw[position] == UInt8(ascii: "&") else {
                output.append(raw[position])
                position += 1
                continue
            }
            guard let end = raw[position...].prefix(16).firstIndex(of: UInt8(ascii: ";")) else {
                throw bad("The SVG has a bare '&' that starts no reference.")
            }
            let name = String(decoding: raw[(position + 1)..<end], as: UTF8.self)
            switch name {
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "amp": output.append(UInt8(ascii: "&"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default:
                var value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst(), radix: 10)
                } else {
                    throw bad("The SVG refers to the entity '&\(name);', which is not predefined; entities are never expanded.")
                }
                guard let code = value, code != 0, let scalar = Unicode.Scalar(code) else {
                    throw bad("The SVG has an invalid character reference '&\(name);'.")
                }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            position = end + 1
        }
        return output
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte >= 0x80
            guard isNameByte else { break }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return text.withUTF8Buffer { expected in
            for offset in 0..<length where bytes[index + offset] != expected[offset] { return false }
            return true
        }
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        let needle = text.withUTF8Buffer { Array($0) }
        guard let first = needle.first else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            guard let candidate = bytes[position...].firstIndex(of: first), candidate + needle.count <= bytes.count else { return nil }
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(InvalidReason) {
        guard let end = find(terminator, from: index + 2) else {
            throw bad("The SVG's \(what) at byte \(index) is not closed.")
        }
        index = end + terminator.utf8CodeUnitCount
    }

    private func bad(_ message: String) -> InvalidReason {
        InvalidReason(code: InvalidReason.Code.badSVG, message: message)
    }
}
