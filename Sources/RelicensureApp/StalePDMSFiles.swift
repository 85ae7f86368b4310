import Foundation
import Logging

/// A PDMS file is written to `.NAME.tmp-PID` and renamed into place (SPEC §6); a run killed in
/// between leaves that hidden file behind. The next nightly run, holding the lock, removes the
/// ones whose process no longer exists, so partial files do not pile up in `reports/pdms`.
enum StalePDMSFiles {
    /// Removes the leftovers in `folder`; returns the names removed.
    @discardableResult
    static func sweep(folder: String, logger: Logger) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = writerPID(of: name), !isAlive(pid) else { continue }
            if (try? FileManager.default.removeItem(atPath: folder + "/" + name)) != nil {
                removed.append(name)
                logger.info("removed a partial PDMS file left by a killed run", metadata: ["file": "\(folder)/\(name)"])
            }
        }
        return removed
    }

    /// The process id in `.pdms-import-….csv.tmp-PID`, or nil for any other name.
    static func writerPID(of name: String) -> pid_t? {
        guard name.hasPrefix(".pdms-import-"), let marker = name.range(of: ".csv.tmp-", options: .backwards) else { return nil }
        let digits = name[marker.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return pid_t(digits)
    }

    /// Signal 0 checks that a process exists without touching it.
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
