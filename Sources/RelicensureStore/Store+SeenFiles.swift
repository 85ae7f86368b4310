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

    /// The stamp (`IncomingFileStamp.key`) of every file of one folder hashed before, by path.
    public func fileStamps(from source: BadgeSource) throws -> [String: String] {
        var stamps: [String: String] = [:]
        for row in try connection.query("""
            SELECT path, size_bytes, stamp FROM file_stamps WHERE source = \(source.rawValue)
            """) {
            stamps[try row.string("path")] = IncomingFileStamp.key(size: try row.int("size_bytes"),
                                                                  stamp: try row.string("stamp"))
        }
        return stamps
    }

    /// Stamps of the files hashed tonight, kept with tonight's other staged rows.
    public func stage(stamps: [IncomingFileStamp]) throws {
        guard !stamps.isEmpty else { return }
        try connection.copyIn("COPY staged_file_stamps (source, path, size_bytes, stamp, sha256) FROM STDIN",
                              rows: stamps.lazy.map { [$0.source.rawValue, $0.path, String($0.sizeBytes), $0.stamp,
                                                       $0.sha256] })
    }

    /// Forgets the stamps of files no longer in the folder `source` names (`present` are the
    /// paths found there tonight), so the table follows the folder, not its history.
    public func forgetStamps(from source: BadgeSource, except present: [String]) throws {
        try connection.query("""
            DELETE FROM file_stamps WHERE source = \(source.rawValue) AND NOT (path = ANY(\(present)))
            """)
    }
}
