import Foundation
import OpenBadges

/// A badge file chosen for tonight: its path and the stamp it had when it was chosen. Files are
/// read one after another on the night's thread; reading ahead on a second thread was measured
/// and gained nothing (docs/PERFORMANCE.md), PostgreSQL and the staging keep both cores busy.
struct ChosenFile {
    let path: String
    let stamp: FileStamp

    /// What reading one file found.
    enum Outcome {
        /// It could not be opened or read: tried again next night.
        case unreadable
        /// Its size or modification time changed while it was read: read whole on a later night.
        case changedWhileRead
        /// Larger than a badge file may be: hashed in pieces, never parsed.
        case tooLarge(digest: String)
        case read(digest: String, reading: FileReading)
    }

    /// Reads, hashes and parses the file, unless it is too large or changed since it was chosen.
    /// Throws when hashing a large file fails in a way that stops the night.
    func read(limits: ReadLimits) throws -> Outcome {
        let outcome: Outcome
        if stamp.size > limits.maxFileBytes {
            do {
                outcome = .tooLarge(digest: try ContentHash.sha256Hex(ofFileAt: path))
            } catch {
                throw AppError(.failed, "could not read \(path): \(error)")
            }
        } else {
            guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
            let bytes = [UInt8](data)
            guard bytes.count == stamp.size else { return .changedWhileRead }
            let name = (path as NSString).lastPathComponent
            outcome = .read(digest: ContentHash.sha256Hex(data), reading: BadgeReader.read(bytes, fileName: name, limits: limits))
        }
        // A file that grew or was rewritten while we read it was read half: leave it.
        guard FileStamp(path: path) == stamp else { return .changedWhileRead }
        return outcome
    }
}
