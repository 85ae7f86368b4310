/// What one document turned out to be.
public enum ReadContent: Sendable {
    /// An award (any version).
    case assertion(Assertion)
    /// An OB 2.0 BadgeClass, an OB 1.x badge class, or an OB 3.0 Achievement document.
    case badgeClass(BadgeClass)
    /// An Issuer / Profile.
    case issuer(IssuerProfile)
    case revocationList(RevocationList)
    /// A BitstringStatusListCredential or StatusList2021Credential.
    case statusList(StatusList)
    case cryptographicKey(CryptographicKey)
    /// A bare `{id, revoked: true}` document (what a revoked hosted assertion URL serves).
    case revocationNotice(awardID: String)
    /// A baked image that holds only the URL of its hosted assertion (an OB 1.0 baked PNG, or an
    /// SVG whose `verify` attribute is a URL and that has no body): the award must be fetched.
    case assertionURL(String)
    /// Not readable; the reason says why and what to do.
    case invalid(InvalidReason)

    /// The assertion, when this is one.
    public var assertion: Assertion? {
        if case .assertion(let assertion) = self { return assertion }
        return nil
    }

    /// The reason, when this is `invalid`.
    public var invalidReason: InvalidReason? {
        if case .invalid(let reason) = self { return reason }
        return nil
    }
}

/// One document read from a file: the whole file, one bundle line, or an image's embedded text.
public struct ReadItem: Sendable {
    /// The 1-based line in a `.jsonl` / `.ndjson` bundle; `nil` for other files.
    public let line: Int?
    public let content: ReadContent
    /// Hex SHA-256 of the document's bytes as received: a bundle line without its line break,
    /// a baked image's embedded text, a whole `.json` / `.jwt` file; for an `invalid` item, the
    /// bytes that were bad (the whole file when the file itself is bad).
    public let sha256: String

    public init(line: Int?, content: ReadContent, sha256: String) {
        self.line = line
        self.content = content
        self.sha256 = sha256
    }
}

/// The outcome of reading one file.
public enum FileReading: Sendable {
    /// An extension this product does not read (compared without case, without the dot: `"pdf"`, or `""`).
    case notABadgeFile(ext: String)
    /// The documents in the file, in order. A 0-byte or over-size file is one `invalid` item.
    case items([ReadItem])

    /// The items (empty for a file that is not a badge file).
    public var items: [ReadItem] {
        if case .items(let items) = self { return items }
        return []
    }
}
