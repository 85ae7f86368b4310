/// A W3C status list credential — BitstringStatusListCredential, or the older
/// StatusList2021Credential — whose bits say which of its issuer's credentials are revoked (or
/// suspended: see `purpose`). Read here; an award's `credentialStatus` entry names the list and
/// its index.
public struct StatusList: Sendable {
    /// The credential's `id`: what an entry's `statusListCredential` names.
    public var id: String?
    public var issuerID: String?
    /// `credentialSubject.statusPurpose`, lower-cased (`revocation`, `suspension`, …).
    public var purpose: String?
    /// `credentialSubject.encodedList`: the GZIP-compressed bitstring in base64url, with the
    /// multibase prefix `u` (Bitstring Status List) or without it (StatusList2021).
    public var encodedList: String
    public var document: JSONValue

    public init(id: String?, issuerID: String?, purpose: String?, encodedList: String, document: JSONValue) {
        self.id = id
        self.issuerID = issuerID
        self.purpose = purpose
        self.encodedList = encodedList
        self.document = document
    }

    /// The bit at `index`, the most significant bit of the first byte being index 0; `nil` when
    /// the list cannot be decoded or is shorter than that.
    public func isSet(_ index: Int, limits: ReadLimits = .standard) -> Bool? {
        guard index >= 0, let bits = bitstring(limits: limits), index / 8 < bits.count else { return nil }
        return bits[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// The decompressed bitstring.
    public func bitstring(limits: ReadLimits = .standard) -> [UInt8]? {
        var text = Substring(encodedList)
        if text.first == "u" { text = text.dropFirst() }
        // StatusList2021 lists are sometimes written in the standard alphabet, with padding.
        let urlSafe = text.compactMap { character -> UInt8? in
            switch character {
            case "+": return UInt8(ascii: "-")
            case "/": return UInt8(ascii: "_")
            case "=": return nil
            default: return character.asciiValue
            }
        }
        guard let compressed = Base64URL.decode(urlSafe) else { return nil }
        return try? Inflate.gzip(compressed[...], limit: limits.maxInflatedBytes)
    }
}
