import Testing

/// Assertions that embed their BadgeClass bring one catalog row per award; the night keeps
/// the last of each document waiting in memory (`BadgeIngest.addToCatalog`), as the merge
/// keeps the last one staged, so that many of them do not end the awards' COPY every few
/// thousand awards. What is stored must be what the merge kept before: the last copy read.
@Suite("Embedded BadgeClasses: the last copy read is the one kept")
struct EmbeddedCatalogTests {
    @Test("Many awards embedding one BadgeClass, renamed along the way: the last name is stored")
    func lastEmbeddedCopyWins() throws {
        try CreditWorkspace.with { workspace, database in
            // One bundle, read in order, and 6,000 single files after it (past the 5,000 rows
            // that end a chunk), each embedding the same BadgeClass under its own name.
            let bundle = (1...3).map { index in
                CreditSample.neaAssertion("b\(index)", to: "avery.abbott@k12.de.us", badge: "same")
                    .replacingOccurrences(of: "\"NEA same\"", with: "\"Bundle name \(index)\"")
                    .replacingOccurrences(of: "\n", with: " ")
            }
            try workspace.write("inbox/a-bundle.jsonl", bundle.joined(separator: "\n") + "\n")
            for index in 1...6_000 {
                let name = index == 6_000 ? "The last name" : "Name \(index)"
                try workspace.write("inbox/b-\(String(format: "%05d", index)).json",
                                    CreditSample.neaAssertion("s\(index)", to: "avery.abbott@k12.de.us", badge: "same")
                                        .replacingOccurrences(of: "\"NEA same\"", with: "\"\(name)\""))
            }
            let summary = try workspace.nightly()
            #expect(summary.newAwards == 6_003)
            let stored = try database.rows("""
                SELECT name FROM catalog_documents WHERE kind = 'badge_class' AND document_id = \(CreditSample.neaBadge("same"))
                """).compactMap { $0.first ?? nil }
            #expect(stored == ["The last name"])
            let issuers = try database.rows("""
                SELECT count(*)::text FROM catalog_documents WHERE kind = 'issuer' AND document_id = \(CreditSample.nea)
                """).compactMap { $0.first ?? nil }
            #expect(issuers == ["1"])
        }
    }
}
