public import OpenBadges

/// Finds the roster educators a badge's recipient names (SPEC §5 step 2). Hashes of every
/// roster e-mail are computed once per (algorithm, salt) and reused for every award with that
/// salt, so a night costs one hash per e-mail per distinct salt, not per award.
///
/// A salt per assertion (Badgr) cannot be shared: each such award costs one hash per roster
/// address whatever is done. Tables are therefore kept only for salts seen more than once. Each
/// table is 8 bytes per address form, and as many are kept as fit in `tableMemoryBudget` (at
/// least `minimumTables`): real inboxes bring dozens of recurring (algorithm, salt) pairs — an
/// issuer per salt, md5 beside sha256 — and a fixed handful of tables let them evict each other,
/// so that every award hashed the whole roster again (issue 15 measured 127 s of a 149 s
/// backfill doing that). A salt without a table is matched by hashing every address, and its
/// digests are kept for a while in case the salt comes again (`seenOnce`); memory stays flat
/// however many distinct salts a night brings.
public struct RecipientDirectory: Sendable {
    private let educators: [Educator]
    /// Plain addresses, trimmed and lower-cased → indexes into `educators`.
    private let plain: [String: [Int]]
    private var hashed: [SaltKey: SaltTable] = [:]
    /// How often each salt without a table was met (cleared when it grows large).
    private var sightings: [SaltKey: Int] = [:]
    /// The digest prefixes (in the order of the forms) of salts met once, kept while tables
    /// leave room for them, oldest first: a salt's second award makes its table from them, so
    /// an issuer's salt is hashed against the roster once a night, not twice (18 salts on the
    /// 1M-award normal night). A salt per assertion costs nothing more: its prefixes were
    /// computed to match it, and are only kept a little longer.
    private var seenOnce: [SaltKey: [UInt64]] = [:]
    private var seenOnceOrder: [SaltKey] = []
    /// How many salts' digests are kept: a quarter of the budget (41 for 50,000 address forms).
    /// Tables and kept digests together stay within the budget, and a night of salts per
    /// assertion does not fill it with digests never asked for again (kept against the whole
    /// budget, 10,000 such awards took 205 MB instead of 139 MB).
    private var seenOnceLimit = Self.minimumTables
    /// Every form of every address as bytes, educator by educator (`formsOf`), made when the
    /// first hashed identity is met.
    private var addressForms = AddressForms()
    private var formsOf: [Range<Int>] = []
    /// The educator (index into `educators`) each of `addressForms` belongs to.
    private var ownerOfForm: [Int] = []
    /// Awards matched through each table, to keep the busiest when one must go.
    private var tableUses: [SaltKey: Int] = [:]
    /// How many tables fit in the budget for this roster (set with the address forms).
    public private(set) var tableLimit = Self.minimumTables
    /// How many times every roster address was hashed under one salt: an award whose salt has
    /// no table, or a table made without digests kept from the salt's first award. What a
    /// night's matching costs.
    public private(set) var rosterHashings = 0
    private let budget: Int

    /// Memory the salt tables may use together: 64 MiB is 40 tables for 50,000 educators with
    /// two addresses each (three forms an address).
    public static let tableMemoryBudget = 64 << 20
    public static let minimumTables = 8
    private static let maximumSightings = 100_000

    /// One salt's digests of every address form, as one sorted array of the digest's first four
    /// bytes (high half) and the educator's index (low half): 8 bytes a form, searched by halves.
    /// A hit is confirmed against the whole digest, so a prefix shared by chance never matches
    /// anyone.
    private struct SaltTable: Sendable {
        let entries: [UInt64]

        init(unsorted: [UInt64]) { entries = unsorted.radixSorted() }

        static func entry(_ prefix: UInt64, educator index: Int) -> UInt64 {
            (prefix & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(truncatingIfNeeded: index))
        }

        func candidates(_ prefix: UInt64) -> [Int] {
            let high = prefix & 0xFFFF_FFFF_0000_0000
            var low = 0, top = entries.count
            while low < top {
                let middle = (low + top) / 2
                if entries[middle] < high { low = middle + 1 } else { top = middle }
            }
            var found: [Int] = []
            while low < entries.count, entries[low] & 0xFFFF_FFFF_0000_0000 == high {
                let index = Int(UInt32(truncatingIfNeeded: entries[low]))
                if found.last != index { found.append(index) }
                low += 1
            }
            return found
        }
    }

    private struct SaltKey: Hashable { let algorithm: HashAlgorithm; let salt: String }

    /// `tableMemoryBudget` is for tests that need to see tables evicted with a small roster.
    public init(_ educators: [Educator], tableMemoryBudget: Int = Self.tableMemoryBudget) {
        self.educators = educators
        self.budget = tableMemoryBudget
        var plain: [String: [Int]] = [:]
        // Most educators have one or two addresses: grown one rehash at a time, the table took a
        // third of this initialiser's time over 50,000 educators.
        plain.reserveCapacity(educators.count * 2)
        for (index, educator) in educators.enumerated() {
            for email in educator.allEmails {
                plain[Self.normalise(email), default: []].append(index)
            }
        }
        self.plain = plain
    }

    /// Lower-cased, trimmed: how plain identities compare. The SQL twin is `normalised_address`
    /// (sql/012_rules.sql); RuleTwinTests holds the two together on ASCII.
    public static func normalise(_ email: String) -> String {
        RecipientIdentity.isTrimmedLowercaseASCII(email) ? email : String(email.trimmingSpaces).lowercased()
    }

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
        let kept = seenOnce.removeValue(forKey: key)
        let seen = kept == nil ? (sightings[key] ?? 0) + 1 : 2
        guard seen >= 2 else {
            if sightings.count >= Self.maximumSightings { sightings.removeAll(keepingCapacity: true) }
            sightings[key] = seen
            rosterHashings += 1
            // Every address hashed on both cores; only a prefix hit is hashed again in full.
            let wanted = HashAlgorithm.prefix(of: digest)
            let prefixes = addressForms.digestPrefixes(key.algorithm, salt: salt)
            var candidates: [Int] = []
            for (form, prefix) in prefixes.enumerated() where prefix == wanted && candidates.last != ownerOfForm[form] {
                candidates.append(ownerOfForm[form])
            }
            keepSeenOnce(prefixes, key: key)
            return confirmed(candidates, digest: digest, salt: salt, key: key)
        }
        sightings[key] = nil
        if kept != nil { seenOnceOrder.removeAll { $0 == key } }
        if hashed.count + seenOnce.count >= tableLimit { dropOldestSeenOnce() }
        if hashed.count >= tableLimit, let quietest = tableUses.min(by: { $0.value < $1.value })?.key {
            hashed[quietest] = nil
            tableUses[quietest] = nil
        }
        let prefixes: [UInt64]
        if let kept {
            prefixes = kept
        } else {
            prefixes = addressForms.digestPrefixes(key.algorithm, salt: salt)
            rosterHashings += 1
        }
        let table = SaltTable(unsorted: prefixes.indices.map { SaltTable.entry(prefixes[$0], educator: ownerOfForm[$0]) })
        hashed[key] = table
        tableUses[key] = 1
        return confirmed(table.candidates(HashAlgorithm.prefix(of: digest)), digest: digest, salt: salt, key: key)
    }

    /// Keeps the prefixes of a salt met once while the tables and the others kept leave room.
    private mutating func keepSeenOnce(_ prefixes: [UInt64], key: SaltKey) {
        if seenOnce.count >= seenOnceLimit || hashed.count + seenOnce.count >= tableLimit { dropOldestSeenOnce() }
        guard seenOnce.count < seenOnceLimit, hashed.count + seenOnce.count < tableLimit else { return }
        seenOnce[key] = prefixes
        seenOnceOrder.append(key)
    }

    private mutating func dropOldestSeenOnce() {
        guard !seenOnceOrder.isEmpty else { return }
        seenOnce[seenOnceOrder.removeFirst()] = nil
    }

    /// Those of `candidates` with an address form whose digest under `key` is `digest`, hashed
    /// as raw bytes (no hex text per form: this is every address when every award has its own salt).
    private func confirmed(_ candidates: [Int], digest: [UInt8], salt: [UInt8], key: SaltKey) -> [Int] {
        candidates.filter { index in
            formsOf[index].contains { key.algorithm.digest(of: Array(addressForms[$0]), salt: salt, equals: digest) }
        }
    }

    /// SPEC §5 step 2: each address as given, trimmed, and trimmed and lower-cased, as bytes.
    private mutating func prepareForms() {
        guard formsOf.count != educators.count else { return }
        addressForms = AddressForms()
        formsOf.removeAll()
        ownerOfForm.removeAll()
        for (index, educator) in educators.enumerated() {
            let first = addressForms.count
            for email in educator.allEmails {
                RecipientIdentity.candidates(for: email).forEach { addressForms.append($0) }
            }
            formsOf.append(first..<addressForms.count)
            ownerOfForm += repeatElement(index, count: addressForms.count - first)
        }
        let tableSize = max(1, addressForms.count * MemoryLayout<UInt64>.stride)
        tableLimit = max(Self.minimumTables, budget / tableSize)
        seenOnceLimit = max(Self.minimumTables, budget / 4 / tableSize)
    }
}
