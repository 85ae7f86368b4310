public import OpenBadges

/// Finds the roster educators a badge's recipient names (SPEC §5 step 2). Hashes of every
/// roster e-mail are computed once per (algorithm, salt) and reused for every award with that
/// salt, so a night costs one hash per e-mail per distinct salt, not per award.
public struct RecipientDirectory: Sendable {
    private let educators: [Educator]
    /// Plain addresses, trimmed and lower-cased → indexes into `educators`.
    private let plain: [String: [Int]]
    private var hashed: [SaltKey: [String: [Int]]] = [:]

    private struct SaltKey: Hashable { let algorithm: HashAlgorithm; let salt: String }

    public init(_ educators: [Educator]) {
        self.educators = educators
        var plain: [String: [Int]] = [:]
        for (index, educator) in educators.enumerated() {
            for email in educator.allEmails {
                plain[Self.normalise(email), default: []].append(index)
            }
        }
        self.plain = plain
    }

    /// Lower-cased, trimmed: how plain identities compare.
    public static func normalise(_ email: String) -> String { String(email.trimmingSpaces).lowercased() }

    /// Every distinct educator the identity matches.
    public mutating func educators(matching recipient: RecipientIdentity) -> [Educator] {
        let indexes: [Int]
        if let algorithm = recipient.hashAlgorithm {
            let expected = Self.hexDigest(of: recipient.identity)
            let key = SaltKey(algorithm: algorithm, salt: recipient.salt ?? "")
            if hashed[key] == nil { hashed[key] = buildHashes(key) }
            indexes = hashed[key]?[expected] ?? []
        } else {
            indexes = plain[Self.normalise(recipient.identity)] ?? []
        }
        var seen = Set<String>()
        return indexes.map { educators[$0] }.filter { seen.insert($0.id).inserted }
    }

    /// `sha256$ABC…` → `abc…`.
    private static func hexDigest(of identity: String) -> String {
        let afterDollar = identity.split(separator: "$", maxSplits: 1).last.map(String.init) ?? identity
        return String(afterDollar.trimmingSpaces).lowercased()
    }

    private func buildHashes(_ key: SaltKey) -> [String: [Int]] {
        var table: [String: [Int]] = [:]
        for (index, educator) in educators.enumerated() {
            for email in educator.allEmails {
                // SPEC §5 step 2: each e-mail as given and lower-cased, trimmed.
                for candidate in RecipientIdentity.candidates(for: email) {
                    let digest = RecipientIdentity.hash(candidate, salt: key.salt.isEmpty ? nil : key.salt,
                                                        algorithm: key.algorithm)
                    table[digest, default: []].append(index)
                }
            }
        }
        return table
    }
}
