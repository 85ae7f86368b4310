import Testing
import OpenBadges

@Suite struct FixtureTests {
    @Test(arguments: FixtureExpectations.all.keys.sorted())
    func fixtureReadsAsExpected(path: String) throws {
        let expected = try #require(FixtureExpectations.all[path])
        let reading = try Fixtures.read(path)
        let mismatch = expected.mismatch(reading)
        #expect(mismatch == nil, "\(path): \(mismatch ?? "")")
    }

    /// Every file in the fixture folder has an expected outcome, and every expectation a file.
    @Test func everyFixtureFileHasAnExpectation() throws {
        let files = try Fixtures.allFiles()
        #expect(files.count >= 100)
        let missing = files.filter { FixtureExpectations.all[$0] == nil }
        #expect(missing.isEmpty, "fixtures without an expectation: \(missing)")
        let stale = FixtureExpectations.all.keys.filter { !files.contains($0) }
        #expect(stale.isEmpty, "expectations without a fixture: \(stale)")
    }

    /// The spec's baking example is a fragment saved as .txt; read as an SVG, its assertion is found.
    @Test func theSpecBakingFragmentReadsAsAnSVG() throws {
        let assertion = try Fixtures.assertion("ob2/spec/baking-spec-example-fragment.svg.txt", as: "fragment.svg")
        #expect(assertion.awardID == "https://example.org/assertions/123")
        #expect(assertion.badge.embedded?.issuer.embedded?.allowedOrigins == ["example.org"])
    }
}
