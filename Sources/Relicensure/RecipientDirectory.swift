public import OpenBadges

/// Finds the roster educators a badge's recipient names (SPEC §5 step 2). Hashes of every
/// roster e-mail are computed once per (algorithm, salt) and reused for every award with that
/// salt, so a night costs one hash per e-mail per distinct salt, not per award.
///
/// A salt per assertion (Badgr) cannot be shared: each such award costs one hash per roster
/// address whatever is done. Tables are therefore kept only for salts seen more than once, and
/// at most `maximumTables` of them (each holds every roster address), so memory stays flat
/// however many distinct salts a night brings; a salt without a table is matched by hashing
/// the addresses one by one without keeping them.
public struct RecipientDirectory: Sendable {
    private let educators: [Educator]
    /// Plain addresses, trimmed and lower-cased → indexes into `educators`.
    private let plain: [String: [Int]]
    private var hashed: [SaltKey: [String: [Int]]] = [:]
    /// How often each salt without a table was met (cleared when it grows large).
    private var sightings: [SaltKey: Int] = [:]
    /// Every form of every address as bytes with its educator, made when a salt is first scanned.
    private var addressForms: [(educator: Int, form: [UInt8])] = []
    /// Awards matched through each table, to keep the busiest when one must go.
    private var tableUses: [SaltKey: Int] = [:]

    /// Hash tables kept at once: with 50,000 educators each is about 15 MB.
    public static let maximumTables = 8
    private static let maximumSightings = 100_000

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
            indexes = hashedIndexes(of: expected, bytes: recipient.hashBytes,
                                    key: SaltKey(algorithm: algorithm, salt: recipient.salt ?? ""))
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

    /// The educators whose address hashes to `digest` under `key`: from the salt's table, made
    /// on its second sighting while there is room (the least used one gives way), else by
    /// hashing every address once.
    private mutating func hashedIndexes(of digest: String, bytes: [UInt8]?, key: SaltKey) -> [Int] {
        if let table = hashed[key] {
            tableUses[key, default: 0] += 1
            return table[digest] ?? []
        }
        let seen = (sightings[key] ?? 0) + 1
        guard seen >= 2 else {
            if sightings.count >= Self.maximumSightings { sightings.removeAll(keepingCapacity: true) }
            sightings[key] = seen
            return bytes.map { scan(for: $0, key: key) } ?? []
        }
        sightings[key] = nil
        if hashed.count >= Self.maximumTables, let quietest = tableUses.min(by: { $0.value < $1.value })?.key {
            hashed[quietest] = nil
            tableUses[quietest] = nil
        }
        let table = buildHashes(key)
        hashed[key] = table
        tableUses[key] = 1
        return table[digest] ?? []
    }

    /// Hashes every address form with the salt and compares raw digests: about three times
    /// faster than building hex text per form, which matters when every award has its own salt.
    private mutating func scan(for digest: [UInt8], key: SaltKey) -> [Int] {
        if addressForms.isEmpty {
            for (index, educator) in educators.enumerated() {
                for email in educator.allEmails {
                    for candidate in RecipientIdentity.candidates(for: email) { addressForms.append((index, Array(candidate.utf8))) }
                }
            }
        }
        let salt = Array(key.salt.utf8)
        var found: [Int] = []
        for (index, form) in addressForms
        where found.last != index && key.algorithm.digest(of: form, salt: salt, equals: digest) {
            found.append(index)
        }
        return found
    }

    private func buildHashes(_ key: SaltKey) -> [String: [Int]] {
        var table: [String: [Int]] = [:]
        eachDigest(key) { index, digest in table[digest, default: []].append(index) }
        return table
    }

    /// Each educator's index with the digest under `key` of every form of every address SPEC §5
    /// step 2 tries (as given, trimmed, trimmed and lower-cased).
    private func eachDigest(_ key: SaltKey, _ body: (Int, String) -> Void) {
        let salt = key.salt.isEmpty ? nil : key.salt
        for (index, educator) in educators.enumerated() {
            for email in educator.allEmails {
                for candidate in RecipientIdentity.candidates(for: email) {
                    body(index, RecipientIdentity.hash(candidate, salt: salt, algorithm: key.algorithm))
                }
            }
        }
    }
}
