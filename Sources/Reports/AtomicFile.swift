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

    public static func write(_ data: Data, to path: String, permissions: mode_t = 0o640) throws(WriteError) {
        let temporary = try temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, permissions)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
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
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        try moveIntoPlace(temporary, path, permissions: permissions, failure: failure)
    }

    /// For files another library writes by path (a workbook): `produce` writes the file at the
    /// temporary path it is given; it is then flushed, given `permissions` and renamed to
    /// `path`. When `produce` throws, its error is rethrown and nothing is left behind.
    public static func write(to path: String, permissions: mode_t = 0o640,
                             producedBy produce: (String) throws -> Void) throws {
        let temporary = try temporaryPath(for: path)
        do {
            try produce(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        var failure: String?
        let descriptor = open(temporary, O_RDONLY)
        if descriptor < 0 {
            failure = String(cString: strerror(errno))
        } else {
            if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            close(descriptor)
        }
        try moveIntoPlace(temporary, path, permissions: permissions, failure: failure)
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

    /// Sets the mode exactly (the umask may have narrowed `open`'s) and renames; on any failure
    /// removes the temporary file and throws.
    private static func moveIntoPlace(_ temporary: String, _ path: String, permissions: mode_t,
                                      failure: String?) throws(WriteError) {
        var failure = failure
        if failure == nil, chmod(temporary, permissions) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }
}
