import Foundation

extension BadgeReader {
    /// Reads a file from disk. Its size is checked before anything is loaded: a file over
    /// `limits.maxFileBytes` is one `too_large` item and is only streamed through SHA-256 (in
    /// 1 MiB pieces), never held in memory. A file that cannot be opened is `unreadable_file`.
    public static func read(contentsOfFile path: String, limits: ReadLimits = .standard) -> FileReading {
        let ext = fileExtension(of: path)
        guard badgeExtensions.contains(ext) else { return .notABadgeFile(ext: ext) }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            return .items([unreadable(path, error)])
        }
        if size > limits.maxFileBytes {
            do {
                return .items([tooLargeItem(size: size, limits: limits, sha256: try ContentHash.sha256Hex(ofFileAt: path))])
            } catch {
                return .items([unreadable(path, error)])
            }
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // The size was checked before reading; check again in case the file grew meanwhile.
            return read([UInt8](data), fileName: path, limits: limits)
        } catch {
            return .items([unreadable(path, error)])
        }
    }

    private static func unreadable(_ path: String, _ error: any Error) -> ReadItem {
        ReadItem(line: nil,
                 content: .invalid(InvalidReason(code: InvalidReason.Code.unreadableFile,
                                                 message: "The file \(path) cannot be read (\(error.localizedDescription)); check its permissions.")),
                 sha256: ContentHash.sha256Hex([]))
    }
}
