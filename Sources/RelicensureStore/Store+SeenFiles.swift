import Postgres

extension Store {
    /// SHA-256 of every file read before from one folder (SPEC §4.3 "once per content"; the
    /// inbox must still read bytes that were first handed in through uploads).
    public func seenFileHashes(from source: BadgeSource) throws -> Set<String> {
        var seen = Set<String>()
        for row in try connection.query("SELECT sha256 FROM source_files WHERE source = \(source.rawValue)") {
            seen.insert(try row.string("sha256"))
        }
        return seen
    }
}
