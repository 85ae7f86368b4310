import Testing
import OpenBadges

@Suite struct FixtureTests {
    @Test(arguments: FixtureExpectations.documents.keys.sorted())
    func documentFixtureReadsAsExpected(path: String) throws {
        let expected = try #require(FixtureExpectations.documents[path])
        let reading = try Fixtures.read(path)
        let mismatch = expected.mismatch(reading)
        #expect(mismatch == nil, "\(path): \(mismatch ?? "")")
    }
}
