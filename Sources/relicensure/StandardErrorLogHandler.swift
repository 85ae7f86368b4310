import Foundation
import Logging

/// One line per event on standard error (SPEC §7): time, level, message, then `key=value`
/// metadata. Nothing here adds names or e-mail addresses; callers never log them at `info`.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        var line = "\(Self.timestamp()) \(event.level) \(event.message)"
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.oneLine("\(value)"))"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return flat.contains(" ") ? "\"\(flat)\"" : flat
    }

    /// A format style, not a new `ISO8601DateFormatter` per line: making one costs ~50 µs, which
    /// was most of the time of a roster import that reports 100,000 bad rows.
    private static let timestampStyle = Date.ISO8601FormatStyle()

    private static func timestamp() -> String {
        Date().formatted(timestampStyle)
    }
}
