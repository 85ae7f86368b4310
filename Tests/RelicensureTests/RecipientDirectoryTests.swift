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
        var directory = RecipientDirectory(Self.roster)
        let cases: [(address: String, ids: [String])] = [
            ("avery.abbott@k12.de.us", ["1"]), ("Avery.Abbott@k12.de.us", ["1"]), ("aa@home.example", ["1"]),
            ("jordan@k12.de.us", ["2"]), ("shared@k12.de.us", ["3", "4"]), ("nobody@k12.de.us", []),
        ]
        // More distinct salts than tables, each met several times in an interleaved order, and
        // as many met only once (a salt per assertion).
        let reused = (0..<(RecipientDirectory.maximumTables * 2)).map { "issuer-salt-\($0)" }
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
}
