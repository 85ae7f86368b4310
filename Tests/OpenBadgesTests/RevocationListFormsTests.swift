import OpenBadges
import Testing

@Suite("1EdTech revocation lists in both spellings")
struct RevocationListFormsTests {
    @Test("revokedCredential and revokedCredentials both list revoked credentials", arguments: ["revokedCredential", "revokedCredentials"])
    func spellings(key: String) throws {
        let text = """
            {"id": "https://issuer.example.org/revocations", "issuer": "https://issuer.example.org",
             "\(key)": [{"id": "urn:uuid:1", "revocationReason": "error"}, "urn:uuid:2"]}
            """
        let reading = BadgeReader.read(Array(text.utf8), fileName: "list.json")
        guard case .revocationList(let list)? = reading.items.first?.content else {
            Issue.record("not read as a revocation list: \(String(describing: reading.items.first?.content))")
            return
        }
        #expect(list.revoked.map(\.id) == ["urn:uuid:1", "urn:uuid:2"])
        #expect(list.revoked.first?.reason == "error")
    }
}
