import Foundation
import OpenBadges

/// Badge files of a folder not yet read by the ingest, read ahead of it: what tonight's hosted
/// fetches must know before the night's transaction begins (the uploads' hosted ids, and the
/// inbox's issuer profiles and BadgeClasses that decide their scope). A file whose stamp is the
/// one it had when it was read (`stamps`, by path), or whose bytes were seen before, is skipped,
/// as the ingest skips it.
enum NewBadgeFiles {
    static func items(in folder: String, seen: Set<String>, stamps: [String: String]) -> [(path: String, item: ReadItem)] {
        var found: [(path: String, item: ReadItem)] = []
        for path in BadgeIngest.files(under: folder) {
            let name = (path as NSString).lastPathComponent
            guard BadgeReader.isBadgeFile(name), let stamp = FileStamp(path: path),
                  stamps[path] != stamp.key,
                  stamp.size <= ReadLimits.standard.maxFileBytes,
                  let data = FileManager.default.contents(atPath: path),
                  !seen.contains(ContentHash.sha256Hex(data)),
                  case .items(let items) = BadgeReader.read([UInt8](data), fileName: name) else { continue }
            found += items.map { (path, $0) }
        }
        return found
    }
}
