import OpenBadges
import Relicensure
import Testing

/// SPEC §5 step 2 through every path of the directory: a salt met once (hashed address by
/// address), a salt met again (its table), and more busy salts than tables are kept.
@Suite("Recipient directory: salts per issuer and per assertion")
struct RecipientDirectoryTests {
    static let roster = [
        Educator(id: "1", firstName: "A", lastName: "A", email: "Avery.Abbott@k12.de.us", otherEmails: ["aa@home.example"],
                 districtCode: "31"),
        Educator(id: "2", firstName: "J", lastName: "B", email: " jordan@k12.de.us", districtCode: "31"),
        Educator(id: "3", firstName: "S", lastName: "O", email: "shared@k12.de.us", districtCode: "31"),
        Educator(id: "4", firstName: "P", lastName: "T", email: "pat@k12.de.us", otherEmails: ["SHARED@k12.de.us"],
                 districtCode: "31"),
    ]

    static func identity(_ address: String, salt: String?, _ algorithm: HashAlgorithm = .sha256) -> RecipientIdentity {
        RecipientIdentity(type: "email", identity: "\(algorithm.rawValue)$" + RecipientIdentity.hash(address, salt: salt, algorithm: algorithm),
                          hashed: true, salt: salt)
    }

    @Test("Every salt path finds the same educators: once, again, and past the number of tables kept")
    func saltPaths() {
        // A budget this small keeps the minimum of tables, so that the busy salts evict each other.
        var directory = RecipientDirectory(Self.roster, tableMemoryBudget: 0)
        let cases: [(address: String, ids: [String])] = [
            ("avery.abbott@k12.de.us", ["1"]), ("Avery.Abbott@k12.de.us", ["1"]), ("aa@home.example", ["1"]),
            ("jordan@k12.de.us", ["2"]), ("shared@k12.de.us", ["3", "4"]), ("nobody@k12.de.us", []),
        ]
        // More distinct salts than tables, each met several times in an interleaved order, and
        // as many met only once (a salt per assertion).
        let reused = (0..<(RecipientDirectory.minimumTables * 2)).map { "issuer-salt-\($0)" }
        for round in 0..<3 {
            for salt in reused + (0..<20).map({ "assertion-\(round)-\($0)" }) {
                for (address, ids) in cases {
                    for algorithm in [HashAlgorithm.sha256, .md5] {
                        let found = directory.educators(matching: Self.identity(address, salt: salt, algorithm)).map(\.id)
                        #expect(found.sorted() == ids, "\(address) salted \(salt) with \(algorithm)")
                    }
                }
            }
        }
        // Without a salt, and a plain identity, for completeness.
        #expect(directory.educators(matching: Self.identity("jordan@k12.de.us", salt: nil)).map(\.id) == ["2"])
        #expect(directory.educators(matching: RecipientIdentity(type: "email", identity: " SHARED@K12.DE.US ", hashed: false,
                                                                salt: nil)).map(\.id).sorted() == ["3", "4"])
    }

    @Test("Recurring salts interleaved award by award: each (algorithm, salt) pair hashes the roster once a night, not once an award")
    func recurringSaltsDoNotEvictEachOther() {
        // Forty pairs, as an inbox of twenty issuers salting with sha256 and md5 brings: more than
        // the minimum of tables, within the budget.
        let pairs = (0..<20).flatMap { issuer in [HashAlgorithm.sha256, .md5].map { ("issuer-\(issuer)-salt", $0) } }
        #expect(pairs.count > RecipientDirectory.minimumTables)
        var directory = RecipientDirectory(Self.roster)
        var awards = 0
        for _ in 0..<25 {
            for (salt, algorithm) in pairs {
                let found = directory.educators(matching: Self.identity("jordan@k12.de.us", salt: salt, algorithm)).map(\.id)
                #expect(found == ["2"])
                awards += 1
            }
        }
        #expect(directory.tableLimit >= pairs.count)
        // The first sighting is matched address by address (it may be a salt per assertion) and
        // its digests kept; the second makes the pair's table of them, which every later award uses.
        #expect(directory.rosterHashings == pairs.count, "\(directory.rosterHashings) roster hashings for \(awards) awards")
    }

    @Test("A salt's digests kept from its first award are let go when salts seen once fill the room, and it is matched alike")
    func seenOnceDigestsLetGo() {
        var directory = RecipientDirectory(Self.roster, tableMemoryBudget: 0)
        let limit = directory.tableLimit
        let issuer = Self.identity("jordan@k12.de.us", salt: "issuer")
        #expect(directory.educators(matching: issuer).map(\.id) == ["2"])
        #expect(directory.educators(matching: issuer).map(\.id) == ["2"])
        #expect(directory.rosterHashings == 1, "the second award's table is made of the first's digests")
        let other = Self.identity("jordan@k12.de.us", salt: "other issuer")
        #expect(directory.educators(matching: other).map(\.id) == ["2"])
        for award in 0..<limit {
            #expect(directory.educators(matching: Self.identity("aa@home.example", salt: "award-\(award)")).map(\.id) == ["1"])
        }
        // Only as many digests and tables as the budget allows are kept: "other issuer"'s went
        // first, so its second award hashes the roster again; the issuer's table is still there.
        #expect(directory.educators(matching: other).map(\.id) == ["2"])
        #expect(directory.educators(matching: issuer).map(\.id) == ["2"])
        #expect(directory.rosterHashings == 1 + 1 + limit + 1)
    }

    @Test("Digests kept from salts' first awards stay within a quarter of the budget (at least the minimum of tables)")
    func seenOnceDigestsCapped() {
        // Ten addresses already in their only form: a table is 80 bytes, so room for 16 tables,
        // of which a quarter (4, raised to the minimum of 8) may be kept digests.
        let roster = (0..<10).map { Educator(id: "\($0)", firstName: "F", lastName: "L", email: "e\($0)@k12.de.us", districtCode: "31") }
        var directory = RecipientDirectory(roster, tableMemoryBudget: 16 * 10 * 8)
        #expect(directory.educators(matching: Self.identity("e0@k12.de.us", salt: "warm-up")).map(\.id) == ["0"])
        #expect(directory.tableLimit == 16)
        let salts = (0..<12).map { "issuer-\($0)" }
        for round in 0..<2 {
            for (index, salt) in salts.enumerated() {
                #expect(directory.educators(matching: Self.identity("e\(index % 10)@k12.de.us", salt: salt)).map(\.id)
                        == ["\(index % 10)"], "round \(round), \(salt)")
            }
        }
        // The warm-up and the 12 first sightings hash the roster; of the 12, only the last 8
        // are kept, so the first 4 hash it again for their tables.
        #expect(directory.rosterHashings == 1 + 12 + 4)
    }

    @Test("A salt per assertion costs one roster hashing an award and keeps no table")
    func saltPerAssertion() {
        var directory = RecipientDirectory(Self.roster)
        for award in 0..<50 {
            #expect(directory.educators(matching: Self.identity("aa@home.example", salt: "award-\(award)")).map(\.id) == ["1"])
        }
        #expect(directory.rosterHashings == 50)
    }

    @Test("A roster large enough to be hashed on two threads: the educators at each end and at the seam are found, once a salt and by table")
    func largeRosterOnTwoLanes() {
        let size = 10_001
        // Odd educators' addresses as a person types them: they count three forms each, so the
        // seam between the threads falls inside an educator's forms.
        let roster = (0..<size).map { index in
            Educator(id: "\(index)", firstName: "F", lastName: "L",
                     email: index % 2 == 1 ? " Educator\(index)@K12.de.us" : "educator\(index)@k12.de.us", districtCode: "31")
        }
        var directory = RecipientDirectory(roster)
        let wanted = [0, 1, size / 2 - 1, size / 2, size / 2 + 1, size - 1]
        for (award, index) in wanted.enumerated() {
            for algorithm in [HashAlgorithm.sha256, .md5] {
                let perAssertion = Self.identity("educator\(index)@k12.de.us", salt: "award-\(award)", algorithm)
                #expect(directory.educators(matching: perAssertion).map(\.id) == ["\(index)"], "\(index) \(algorithm)")
                // The same salt twice more: the second sighting makes the table, the third reads it.
                for _ in 0..<2 {
                    let recurring = Self.identity("educator\(index)@k12.de.us", salt: "issuer", algorithm)
                    #expect(directory.educators(matching: recurring).map(\.id) == ["\(index)"], "\(index) \(algorithm)")
                }
            }
        }
        #expect(directory.educators(matching: Self.identity("educator\(size)@k12.de.us", salt: "other")).isEmpty)
    }

    @Test("Digest prefixes through libcrypto are swift-crypto's, the same on one thread as on several, in the order of the forms")
    func digestPrefixesOnLanes() {
        var forms = AddressForms()
        let addresses = (0..<20_000).map { "educator\($0)@k12.de.us" } + ["", "Zoë.Ünal@k12.de.us"]
        addresses.forEach { forms.append($0) }
        for algorithm in [HashAlgorithm.sha256, .md5] {
            for salt in ["salt", ""] {
                let one = forms.digestPrefixes(algorithm, salt: Array(salt.utf8), lanes: 1)
                for lanes in [2, 3] {
                    #expect(forms.digestPrefixes(algorithm, salt: Array(salt.utf8), lanes: lanes) == one)
                }
                // Held against swift-crypto (RecipientIdentity.hash) at each end and at the seams.
                for index in [0, 1, 6_666, 6_667, 9_999, 10_000, 13_333, 13_334, 19_999, 20_000, 20_001] {
                    let expected = Self.identity(addresses[index], salt: salt.isEmpty ? nil : salt, algorithm).hashBytes ?? []
                    #expect(one[index] == HashAlgorithm.prefix(of: expected), "\(algorithm) \(index) salt \(salt)")
                }
            }
        }
        #expect(AddressForms().digestPrefixes(.sha256, salt: []).isEmpty)
    }
}
