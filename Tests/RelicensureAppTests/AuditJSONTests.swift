import Foundation
import OpenBadges
import Relicensure
import RelicensureStore
import Testing

/// The audit kept with each outcome and ledger entry is written by hand (`Audit.jsonText`);
/// it must say what `JSONEncoder` says of the same audit, every member included.
@Suite struct AuditJSONTests {
    @Test(arguments: [
        Audit(),
        Audit(rule: "ddoe 10 h per credential"),
        Audit(rule: "district 31 issuer https://x.example/issuer (badge override) \"quoted\" \\ \n\t\u{1}", approvalID: 42,
              cap: "issuer cap 30: 25 used"),
        Audit(approvalID: -7),
        Audit(cap: "Zoë 🎓 \u{2028}"),
    ])
    func saysWhatJSONEncoderSays(audit: Audit) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded = String(decoding: try encoder.encode(audit), as: UTF8.self)
        #expect(try JSONValue(parsing: audit.jsonText) == JSONValue(parsing: encoded))
    }

    /// A member added to `Audit` must be added to `jsonText` too (and to the cases above).
    @Test func writesEveryMemberOfAnAudit() {
        let members = Mirror(reflecting: Audit()).children.compactMap(\.label)
        #expect(members.sorted() == ["approvalID", "cap", "rule"])
    }
}
