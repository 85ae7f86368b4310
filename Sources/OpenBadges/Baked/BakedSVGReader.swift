/// Reads baked SVG badges: a compact JWS in the `openbadges:assertion` / `openbadges:credential`
/// element's `verify` attribute wins; else the element's body (JSON, or a token); without a body,
/// the `verify` attribute as the URL of a hosted assertion. The embedded text is the element's
/// character content with the surrounding white space removed, or the attribute value.
enum BakedSVGReader {
    static func read(_ bytes: [UInt8], limits: ReadLimits) -> ReadItem {
        let element: SVGBadgeScanner.BadgeElement?
        do {
            element = try SVGBadgeScanner.scan(bytes)
        } catch {
            return ReadItem(line: nil, content: .invalid(error), sha256: ContentHash.sha256Hex(bytes))
        }
        guard let element else {
            return noData("The SVG has no openbadges:assertion or openbadges:credential element: it is an image, not a baked badge.", bytes)
        }
        // A token in `verify` is what the issuer signed: the badge is judged by it alone, never
        // by a body beside it (SPEC §4.4).
        if let verify = element.verify, CompactJWS.looksLikeToken(Array(verify.utf8)[...]) {
            return BakedTextReader.item(trimmed(Array(verify.utf8)), limits: limits)
        }
        let body = trimmed(element.content)
        if !body.isEmpty { return BakedTextReader.item(body, limits: limits) }
        if let verify = element.verify, !trimmed(Array(verify.utf8)).isEmpty {
            return BakedTextReader.item(trimmed(Array(verify.utf8)), limits: limits)
        }
        return noData("The SVG's <\(element.name)> element is empty and has no verify attribute; re-bake the badge.", bytes)
    }

    private static func trimmed(_ text: [UInt8]) -> [UInt8] {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(text[first...last])
    }

    private static func noData(_ message: String, _ bytes: [UInt8]) -> ReadItem {
        ReadItem(line: nil, content: .invalid(InvalidReason(code: InvalidReason.Code.noBadgeData, message: message)),
                 sha256: ContentHash.sha256Hex(bytes))
    }
}
