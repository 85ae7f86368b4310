import Foundation
import ZIPFoundation

/// The zip container of an .xlsx file and the relationships between its parts.
struct PackageArchive {
    let path: String
    private let archive: Archive

    init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXReadError("Cannot open '\(path)' as a zip archive: \(error).")
        }
    }

    func contains(_ part: String) -> Bool { archive[part] != nil }

    /// The parts whose paths start with `folder`, sorted naturally (`chart2` before `chart10`).
    func parts(under folder: String) -> [String] {
        archive.map(\.path).filter { $0.hasPrefix(folder) }.sorted {
            $0.localizedStandardCompare($1) == .orderedAscending
        }
    }

    /// The bytes of `part` (a path inside the zip such as `xl/workbook.xml`).
    func data(_ part: String) throws -> Data {
        guard let entry = archive[part] else {
            throw XLSXReadError("'\(path)' has no part \(part).")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw XLSXReadError("Cannot unzip \(part) from '\(path)': \(error).")
        }
        return data
    }

    func xml(_ part: String) throws -> XMLTree {
        try XMLTree.parse(data(part), part: "\(part) of '\(path)'")
    }

    /// The parts that `part` refers to, by relationship id; targets resolved to package paths.
    /// A part without relationships has none.
    func relationships(of part: String) throws -> [String: Relationship] {
        let folder = PackageArchive.folder(of: part)
        let file = String(part.dropFirst(folder.count))
        let relsPart = folder + "_rels/" + file + ".rels"
        guard contains(relsPart) else { return [:] }
        var result: [String: Relationship] = [:]
        for element in try xml(relsPart).children("Relationship") {
            guard let id = element["Id"], let target = element["Target"] else { continue }
            let external = element["TargetMode"] == "External"
            result[id] = Relationship(type: element["Type"] ?? "",
                                      target: external ? target : PackageArchive.resolve(target, from: folder))
        }
        return result
    }

    /// The folder part of a package path, with its trailing slash (`xl/` for `xl/workbook.xml`).
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// `target` as a package path: absolute targets start at the root, others at `folder`.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for piece in joined.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// One entry of a `.rels` part.
struct Relationship {
    let type: String
    let target: String
}
