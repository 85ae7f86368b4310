public import Foundation

/// Writes a file so that no reader ever sees half of it (SPEC §6): the bytes go to a temporary
/// name in the same folder, are flushed to disk, and only then renamed into place. Report
/// files are readable by their owner and group only (0640): they hold educators' names.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "could not write \(path): \(reason)" }
    }

    /// A file being written under its temporary name (`.name.tmp-PID` beside `path`):
    /// `commit()` flushes it to disk, gives it its permissions and renames it into place. One
    /// that is dropped without a successful `commit()` (an error on the way) is removed, so a
    /// failed report leaves nothing behind.
    ///
    /// Several staged files can be committed one after the other once all of them are
    /// complete, so that a report of several files appears only when every file was written.
    public final class Staged {
        /// Where the file goes.
        public let path: String
        /// Where it is written meanwhile.
        public let temporaryPath: String
        private let permissions: mode_t
        /// The open temporary file, or -1 when another library writes it (or it was closed).
        private var descriptor: Int32 = -1
        private var committed = false

        /// Creates the temporary file, empty, for `append`.
        public init(creating path: String, permissions: mode_t = 0o640) throws(WriteError) {
            self.path = path
            self.permissions = permissions
            temporaryPath = try AtomicFile.temporaryPath(for: path)
            // Opened in place (not created by a rename), so that the bytes go where the name
            // leads and a full disk is reported while writing, not after the rename.
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, permissions)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        }

        /// Names the temporary file for another library to write at `temporaryPath`.
        public init(reserving path: String, permissions: mode_t = 0o640) throws(WriteError) {
            self.path = path
            self.permissions = permissions
            temporaryPath = try AtomicFile.temporaryPath(for: path)
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
            if !committed { unlink(temporaryPath) }
        }

        /// Appends `bytes` to the temporary file.
        public func append(_ bytes: some ContiguousBytes) throws(WriteError) {
            guard descriptor >= 0 else { throw WriteError(path: path, reason: "the file is not open for writing") }
            var failure: String?
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    offset += written
                }
            }
            if let failure { throw WriteError(path: path, reason: failure) }
        }

        /// Flushes the file to disk, sets its mode exactly (the umask may have narrowed
        /// `open`'s) and renames it into place. On failure the temporary file is removed.
        public func commit() throws(WriteError) {
            var failure: String?
            if descriptor < 0 {
                // Written by another library: opened only to flush it.
                descriptor = open(temporaryPath, O_RDONLY)
                if descriptor < 0 { failure = String(cString: strerror(errno)) }
            }
            if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            if descriptor >= 0, close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            descriptor = -1
            if failure == nil, chmod(temporaryPath, permissions) != 0 { failure = String(cString: strerror(errno)) }
            if failure == nil, rename(temporaryPath, path) != 0 { failure = String(cString: strerror(errno)) }
            if let failure { throw WriteError(path: path, reason: failure) }
            committed = true
        }
    }

    /// `.name.tmp-PID` beside `path`, after making sure the folder exists.
    private static func temporaryPath(for path: String) throws(WriteError) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder \(folder) (\(error.localizedDescription))")
        }
        return folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    }
}
