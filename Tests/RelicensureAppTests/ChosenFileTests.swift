import Foundation
import OpenBadges
@testable import RelicensureApp
import Testing

/// A chosen file is read with its own digest and items, and a file that vanished or changed
/// since it was chosen is not read half.
@Suite("Reading the files chosen for tonight")
struct ChosenFileTests {
    func folder(files count: Int) throws -> (URL, [ChosenFile]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chosen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var files: [ChosenFile] = []
        for index in 0..<count {
            let url = root.appendingPathComponent("badge-\(index).json")
            try Data(#"{"id": "urn:uuid:\#(index)", "revoked": true}"#.utf8).write(to: url)
            guard let stamp = FileStamp(path: url.path) else { throw CocoaError(.fileReadUnknown) }
            files.append(ChosenFile(path: url.path, stamp: stamp))
        }
        return (root, files)
    }

    @Test("Each file comes back with its own digest and items; one gone since it was chosen is unreadable")
    func ownDigest() throws {
        let (root, files) = try folder(files: 5)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(atPath: files[3].path)
        for (index, file) in files.enumerated() {
            switch try file.read(limits: .standard) {
            case .read(let digest, .items(let items)):
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
                #expect(digest == ContentHash.sha256Hex(bytes))
                guard case .revocationNotice(let id)? = items.first?.content else {
                    Issue.record("file \(index) not read as its own notice"); continue
                }
                #expect(id == "urn:uuid:\(index)")
            case .unreadable:
                #expect(index == 3)
            default:
                Issue.record("file \(index): unexpected outcome")
            }
        }
    }

    @Test("A file changed after it was chosen is left for a later night")
    func changed() throws {
        let (root, files) = try folder(files: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"id": "urn:uuid:longer-now", "revoked": true}"#.utf8).write(to: URL(fileURLWithPath: files[0].path))
        guard case .changedWhileRead = try files[0].read(limits: .standard) else { Issue.record("a changed file was read"); return }
    }
}
