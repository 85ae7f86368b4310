/// Who an award was made to: an OB 2.0 IdentityObject, a legacy recipient string, or an OB 3.0
/// `identifier` / subject id.
///
/// A hashed identity is kept as `algorithm$hex` with the algorithm and hex in lower case, so it
/// can be compared directly with `hash(_:salt:algorithm:)`.
public struct RecipientIdentity: Sendable, Hashable {
    /// `email` (OB 3.0 `emailAddress` is read as `email`), `url`, `telephone`, `id` (an OB 3.0
    /// subject id such as a DID), or what the document says.
    public var type: String
    /// The plain identity, or `sha256$hex` / `md5$hex`.
    public var identity: String
    public var hashed: Bool
    public var salt: String?

    public init(type: String, identity: String, hashed: Bool, salt: String?) {
        self.type = type
        self.identity = identity
        self.hashed = hashed
        self.salt = salt
    }

    /// The algorithm of a hashed identity.
    public var hashAlgorithm: HashAlgorithm? {
        guard hashed, let parts = Text.split(identity, atFirst: UInt8(ascii: "$")) else { return nil }
        return HashAlgorithm(rawValue: Text.lowercasedASCII(parts.before))
    }

    /// The lower-case hex digest of a hashed identity.
    public var hashHex: String? {
        guard hashed, let parts = Text.split(identity, atFirst: UInt8(ascii: "$")) else { return nil }
        return Text.lowercasedASCII(parts.after)
    }

    /// The digest of a hashed identity as bytes, `nil` when it is not hex.
    public var hashBytes: [UInt8]? { hashHex.flatMap { Hex.decode(Text.trimmed($0)) } }

    /// SPEC §5 step 2. A plain identity compares case-insensitively after trimming. A hashed one
    /// is `hash(candidate + salt)` (no separator, salt may be absent) for the address as given,
    /// trimmed, and trimmed and lower-cased; hex in either case.
    public func matches(email: String) -> Bool {
        guard hashed else {
            return Text.trimmed(identity).lowercased() == Text.trimmed(email).lowercased()
        }
        guard let algorithm = hashAlgorithm, let hex = hashHex else { return false }
        for candidate in RecipientIdentity.candidates(for: email)
        where RecipientIdentity.hash(candidate, salt: salt, algorithm: algorithm) == hex {
            return true
        }
        return false
    }

    /// The forms of a roster address tried against hashed identities: as given, trimmed, and
    /// trimmed and lower-cased (duplicates removed, order kept).
    public static func candidates(for email: String) -> [String] {
        guard !isTrimmedLowercaseASCII(email) else { return [email] }
        var forms = [email]
        let trimmed = Text.trimmed(email)
        if trimmed != email { forms.append(trimmed) }
        let lowered = trimmed.lowercased()
        if !forms.contains(lowered) { forms.append(lowered) }
        return forms
    }

    /// Whether trimming and lower-casing give `email` back unchanged because it is visible ASCII
    /// without capitals, as most roster addresses are: they are then their only form, and no
    /// new string is made for them (50,000 of them every night). True under either trimming
    /// rule: Unicode white space here, spaces, tabs and line breaks in the directory's
    /// plain-address comparison (`RecipientDirectory.normalise`).
    public static func isTrimmedLowercaseASCII(_ email: String) -> Bool {
        !email.isEmpty && email.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }
    }

    /// Lower-case hex of `algorithm(email + salt)`: precompute it once per salt to match many awards.
    public static func hash(_ email: String, salt: String?, algorithm: HashAlgorithm) -> String {
        algorithm.hexDigest((email + (salt ?? "")).utf8)
    }
}
