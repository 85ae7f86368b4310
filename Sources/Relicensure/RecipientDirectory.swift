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
    private var hashed: [SaltKey: SaltTable] = [:]
    /// How often each salt without a table was met (cleared when it grows large).
    private var sightings: [SaltKey: Int] = [:]
    /// Every form of every address as bytes, educator by educator (`formsOf`), made when the
    /// first hashed identity is met.
    private var addressForms: [[UInt8]] = []
    private var formsOf: [Range<Int>] = []
    /// Awards matched through each table, to keep the busiest when one must go.
    private var tableUses: [SaltKey: Int] = [:]

    /// Hash tables kept at once: with 50,000 educators each is about 3 MB.
    public static let maximumTables = 8
    private static let maximumSightings = 100_000

    /// One salt's digests of every address form, by their first eight bytes: the educators
    /// each may belong to. A hit is confirmed against the whole digest, so a prefix shared by
    /// chance never matches anyone.
    private struct SaltTable: Sendable {
        var single: [UInt64: Int] = [:]
        var several: [UInt64: [Int]] = [:]

        mutating func insert(_ prefix: UInt64, educator index: Int) {
            if let others = several[prefix] {
                if others.last != index { several[prefix] = others + [index] }
            } else if let other = single[prefix] {
                guard other != index else { return }
                single[prefix] = nil
                several[prefix] = [other, index]
            } else {
                single[prefix] = index
            }
        }

        func candidates(_ prefix: UInt64) -> [Int] {
            if let index = single[prefix] { return [index] }
            return several[prefix] ?? []
        }
    }

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
            indexes = recipient.hashBytes.map {
                hashedIndexes(of: $0, key: SaltKey(algorithm: algorithm, salt: recipient.salt ?? ""))
            } ?? []
        } else {
            indexes = plain[Self.normalise(recipient.identity)] ?? []
        }
        var seen = Set<String>()
        return indexes.map { educators[$0] }.filter { seen.insert($0.id).inserted }
    }

    /// The educators whose address hashes to `digest` under `key`: from the salt's table, made
    /// on its second sighting while there is room (the least used one gives way), else by
    /// hashing every address once.
    private mutating func hashedIndexes(of digest: [UInt8], key: SaltKey) -> [Int] {
        prepareForms()
        let salt = Array(key.salt.utf8)
        if let table = hashed[key] {
            tableUses[key, default: 0] += 1
            return confirmed(table.candidates(HashAlgorithm.prefix(of: digest)), digest: digest, salt: salt, key: key)
        }
        let seen = (sightings[key] ?? 0) + 1
        guard seen >= 2 else {
            if sightings.count >= Self.maximumSightings { sightings.removeAll(keepingCapacity: true) }
            sightings[key] = seen
            return confirmed(Array(educators.indices), digest: digest, salt: salt, key: key)
        }
        sightings[key] = nil
        if hashed.count >= Self.maximumTables, let quietest = tableUses.min(by: { $0.value < $1.value })?.key {
            hashed[quietest] = nil
            tableUses[quietest] = nil
        }
        var table = SaltTable()
        for (index, forms) in formsOf.enumerated() {
            for form in addressForms[forms] {
                table.insert(key.algorithm.digestPrefix(of: form, salt: salt), educator: index)
            }
        }
        hashed[key] = table
        tableUses[key] = 1
        return confirmed(table.candidates(HashAlgorithm.prefix(of: digest)), digest: digest, salt: salt, key: key)
    }

    /// Those of `candidates` with an address form whose digest under `key` is `digest`, hashed
    /// as raw bytes (no hex text per form: this is every address when every award has its own salt).
    private func confirmed(_ candidates: [Int], digest: [UInt8], salt: [UInt8], key: SaltKey) -> [Int] {
        candidates.filter { index in
            addressForms[formsOf[index]].contains { key.algorithm.digest(of: $0, salt: salt, equals: digest) }
        }
    }

    /// SPEC §5 step 2: each address as given, trimmed, and trimmed and lower-cased, as bytes.
    private mutating func prepareForms() {
        guard formsOf.count != educators.count else { return }
        addressForms.removeAll()
        formsOf.removeAll()
        for educator in educators {
            let first = addressForms.count
            for email in educator.allEmails {
                addressForms += RecipientIdentity.candidates(for: email).map { Array($0.utf8) }
            }
            formsOf.append(first..<addressForms.count)
        }
    }
}
