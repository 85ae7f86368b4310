import Foundation
import RelicensureApp
import Testing

/// A file hashed on an earlier night is not read again while its size, modification time,
/// change time and inode are unchanged (issue 8: a normal night reads only what arrived); one
/// rewritten is read again.
@Suite("Files seen before are not read again")
struct FileStampTests {
    typealias S = CreditSample

    func setModified(_ path: String, to date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    @Test("An unchanged file is skipped unread; a rewritten one is read, even with its modification time set back")
    func stamps() throws {
        try CreditWorkspace.with { workspace, database in
            let first = S.neaAssertion("nea-1", to: "avery.abbott@k12.de.us", badge: "classroom")
            try workspace.write("inbox/a.json", first)
            try workspace.write("inbox/b.json", S.neaAssertion("nea-2", to: "avery.abbott@k12.de.us", badge: "reading"))
            let day = Date(timeIntervalSince1970: 1_790_000_000.25)
            try setModified(workspace.path("inbox/a.json"), to: day)
            try setModified(workspace.path("inbox/b.json"), to: day)
            let night = try workspace.nightly(asOf: "2026-11-20")
            #expect(night.filesRead == 2)
            #expect(try database.scalar("SELECT count(*)::text FROM file_stamps") == "2")

            // Nothing touched b.json: not read again. a.json was rewritten with bytes of the same
            // length and its modification time set back (as `cp -p` or `rsync -t` do): its change
            // time gives it away, and it is read again.
            let same = first.replacingOccurrences(of: "nea-1", with: "nea-9")
            #expect(same.utf8.count == first.utf8.count)
            try workspace.write("inbox/a.json", same)
            try setModified(workspace.path("inbox/a.json"), to: day)
            let next = try workspace.nightly(asOf: "2026-11-21")
            #expect(next.filesRead == 1)
            #expect(next.filesSeenBefore == 1)
            #expect(next.newAwards == 1)
            #expect(try database.scalar("SELECT count(*)::text FROM awards WHERE award_id LIKE '%nea-9'") == "1")

            // A file gone from the inbox is forgotten.
            try FileManager.default.removeItem(atPath: workspace.path("inbox/b.json"))
            try workspace.nightly(asOf: "2026-11-21")
            #expect(try database.scalar("SELECT string_agg(path, ',') FROM file_stamps") == workspace.path("inbox/a.json"))

            // The same bytes as before under a new stamp: hashed, known by content, not read again.
            try setModified(workspace.path("inbox/a.json"), to: day.addingTimeInterval(120))
            try workspace.write("inbox/a.json", first)
            try setModified(workspace.path("inbox/a.json"), to: day.addingTimeInterval(120))
            let third = try workspace.nightly(asOf: "2026-11-22")
            #expect(third.filesRead == 0)
            #expect(third.filesSeenBefore == 1)
        }
    }
}
