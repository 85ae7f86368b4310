import Foundation

/// Every file a night would read under one folder (the inbox, or the uploads), and what it could
/// not look into.
///
/// SPEC §7, nothing silent: the folder itself missing, not a folder, or unreadable is an error
/// (nothing is read, nothing posted); a subfolder or an entry inside that cannot be examined
/// does not stop the night but is listed, so that the night ends with exit 4 and a person looks.
struct FolderListing {
    /// Regular files (or links to them), in a stable order. Hidden files (a copy in progress is
    /// often `.name.part`) are left for a later night.
    var files: [String] = []
    /// Subfolders that could not be listed and entries that could not be examined: whatever
    /// they hold was not read.
    var unreadable: [String] = []

    /// Lists `folder` recursively. `setting` names the configuration key that points at it,
    /// for the message.
    /// - Throws: ``AppError`` (exit 1) when the folder itself cannot be read.
    static func list(_ folder: String, setting: String) throws -> FolderListing {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            let cause = errno == ENOENT ? "does not exist" : "cannot be examined (\(String(cString: strerror(errno))))"
            throw AppError(.failed, "the \(setting) folder \(folder) \(cause): create it, readable by the user the "
                                    + "nightly runs as, or correct `\(setting)` in the configuration; nothing was read or posted")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw AppError(.failed, "the \(setting) folder \(folder) is not a folder: correct `\(setting)` in the "
                                    + "configuration; nothing was read or posted")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder), access(folder, X_OK) == 0 else {
            throw AppError(.failed, "the \(setting) folder \(folder) cannot be read by the user the nightly runs as: "
                                    + "give that user read and search permission on it; nothing was read or posted")
        }
        var listing = FolderListing()
        listing.walk(folder, names: names)
        listing.files.sort()
        listing.unreadable.sort()
        return listing
    }

    private mutating func walk(_ folder: String, names: [String]) {
        for name in names {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else {
                unreadable.append(path)
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                // Listing needs read permission and examining what is inside needs search.
                guard let inside = try? FileManager.default.contentsOfDirectory(atPath: path), access(path, R_OK | X_OK) == 0 else {
                    unreadable.append(path + "/")
                    continue
                }
                walk(path, names: inside)
            case S_IFREG, S_IFLNK:
                if name.hasPrefix(".") { continue }
                // A link counts when it leads to a file; a link to a folder is not followed (no loops).
                var target = stat()
                if status.st_mode & S_IFMT == S_IFLNK, stat(path, &target) != 0 || target.st_mode & S_IFMT != S_IFREG {
                    continue
                }
                files.append(path)
            default:
                continue
            }
        }
    }
}
