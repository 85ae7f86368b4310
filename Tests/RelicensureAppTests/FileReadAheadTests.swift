import Foundation
import OpenBadges
@testable import RelicensureApp
import Testing

/// The reading thread hands files back in order, finds files that cannot be read, and stops
/// when the night stops taking them (a night that fails half-way must not leave it waiting).
@Suite("Reading files ahead on a second thread")
struct FileReadAheadTests {
    func folder(files count: Int) throws -> (URL, [FileReadAhead.Job]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("read-ahead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var jobs: [FileReadAhead.Job] = []
        for index in 0..<count {
            let url = root.appendingPathComponent("badge-\(index).json")
            try Data(#"{"id": "urn:uuid:\#(index)", "revoked": true}"#.utf8).write(to: url)
            guard let stamp = FileStamp(path: url.path) else { throw CocoaError(.fileReadUnknown) }
            jobs.append(FileReadAhead.Job(path: url.path, stamp: stamp))
        }
        return (root, jobs)
    }

    @Test("Outcomes come back in order, each with its own file's digest and items, read ahead or in line",
          arguments: [0, 1, 2])
    func inOrder(capacity: Int) throws {
        let (root, jobs) = try folder(files: 25)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(atPath: jobs[7].path)
        let reading = FileReadAhead(jobs, limits: .standard, capacity: capacity)
        reading.start()
        defer { reading.cancel() }
        for (index, job) in jobs.enumerated() {
            switch reading.outcome(index) {
            case .read(let digest, .items(let items)):
                let bytes = try Data(contentsOf: URL(fileURLWithPath: job.path))
                #expect(digest == ContentHash.sha256Hex(bytes))
                guard case .revocationNotice(let id)? = items.first?.content else {
                    Issue.record("file \(index) not read as its own notice"); continue
                }
                #expect(id == "urn:uuid:\(index)")
            case .unreadable:
                #expect(index == 7)
            default:
                Issue.record("file \(index): unexpected outcome")
            }
        }
    }

    @Test("A file changed after it was chosen is left for a later night")
    func changed() throws {
        let (root, jobs) = try folder(files: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"id": "urn:uuid:longer-now", "revoked": true}"#.utf8).write(to: URL(fileURLWithPath: jobs[0].path))
        let reading = FileReadAhead(jobs, limits: .standard)
        reading.start()
        defer { reading.cancel() }
        guard case .changedWhileRead = reading.outcome(0) else { Issue.record("a changed file was read"); return }
    }

    @Test("Cancelling while the thread waits for room lets it finish")
    func cancelled() throws {
        let (root, jobs) = try folder(files: 10)
        defer { try? FileManager.default.removeItem(at: root) }
        let reading = FileReadAhead(jobs, limits: .standard, capacity: 1)
        reading.start()
        _ = reading.outcome(0)
        reading.cancel()
        // Taking after cancelling never waits: the night is already unwinding.
        _ = reading.outcome(5)
    }
}
