import Foundation
import RelicensureStore

/// Keeps the nightly run from reading a file that is still being copied into the inbox or the
/// uploads (docs/RELIABILITY.md): a file modified less than `seconds` before the run started —
/// or while the run was reading it — is left alone tonight and read whole on a later night.
///
/// `RELICENSURE_SETTLE_SECONDS` sets the window (default 60; 0 turns the age check off, for
/// tests and demos that write their files just before the run).
struct SettleWindow: Sendable {
    static let defaultSeconds = 60

    let seconds: Int
    let runStart: Date

    init(seconds: Int, runStart: Date) {
        self.seconds = seconds
        self.runStart = runStart
    }

    /// The window the environment asks for; a value that is not a whole number of seconds is
    /// a usage error, not something to guess about.
    init(settings: EnvironmentSettings, runStart: Date) throws {
        self.init(seconds: try settings.settleSeconds.get(), runStart: runStart)
    }

    /// How long ago the file was last modified when it is too young to read; nil when it has
    /// settled. A modification time further in the future than the window is a skewed clock,
    /// not a copy in progress: such a file is read rather than put off forever.
    func unsettledAge(of stamp: FileStamp) -> TimeInterval? {
        guard seconds > 0 else { return nil }
        let age = runStart.timeIntervalSince(stamp.modified)
        let window = TimeInterval(seconds)
        return age < window && age > -window ? age : nil
    }
}

/// What tells a file that is still growing from one that is not, and a file read before from
/// one that changed since: its size, modification time, and change time and inode (which no
/// copy tool can set back, unlike the modification time `cp -p` or `rsync -t` keep).
struct FileStamp: Equatable, Sendable {
    let size: Int
    let modified: Date
    /// Inode and status-change time; empty when unknown.
    let identity: String

    init(size: Int, modified: Date, identity: String = "") {
        self.size = size
        self.modified = modified
        self.identity = identity
    }

    /// The stamp as stored for a file read before: modification time in seconds since 1970,
    /// written so that it reads back exactly, then the identity.
    var text: String { "\(modified.timeIntervalSince1970) \(identity)" }

    /// What is compared with the stamps stored by path (`Store.fileStamps`): the same means the
    /// file was read before and has not changed since.
    var key: String { IncomingFileStamp.key(size: size, stamp: text) }

    /// The stamp of the file at `path` (following a symbolic link, as reading does), or nil
    /// when it cannot be examined.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec)
                                + TimeInterval(status.st_mtim.tv_nsec) / 1_000_000_000)
        self.init(size: Int(status.st_size), modified: modified,
                  identity: "\(status.st_ino):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)")
    }
}
