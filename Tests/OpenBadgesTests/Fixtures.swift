import Foundation
import OpenBadges

/// The public Open Badges fixtures kept in the repository: `Tests/Fixtures/openbadges` (see its SOURCES.md).
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // OpenBadgesTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/openbadges")
        .standardizedFileURL

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// Reads a fixture with `BadgeReader` under its own name (or `asName`).
    static func read(_ relativePath: String, as name: String? = nil) throws -> FileReading {
        BadgeReader.read(try bytes(relativePath), fileName: name ?? relativePath)
    }

    /// The single item of a fixture that holds one document.
    static func item(_ relativePath: String, as name: String? = nil) throws -> ReadItem {
        let items = try read(relativePath, as: name).items
        guard items.count == 1, let item = items.first else { throw FixtureError.notOneItem(relativePath, items.count) }
        return item
    }

    static func assertion(_ relativePath: String, as name: String? = nil) throws -> Assertion {
        let item = try item(relativePath, as: name)
        guard case .assertion(let assertion) = item.content else { throw FixtureError.unexpected(relativePath, item.content) }
        return assertion
    }

    /// Every file under the fixture folder, as paths relative to it, sorted.
    static func allFiles() throws -> [String] {
        let rootPath = root.path
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: rootPath + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case notOneItem(String, Int)
    case unexpected(String, ReadContent)

    var description: String {
        switch self {
        case .notOneItem(let path, let count): return "\(path): expected one item, got \(count)"
        case .unexpected(let path, let content): return "\(path): unexpected content \(content)"
        }
    }
}

/// UTC day of an award, for comparisons.
func utcDay(_ instant: AwardInstant?) -> String? {
    instant.map { $0.calendarDate(in: TimeZone(identifier: "UTC") ?? .current).description }
}
