import Foundation
import Logging

/// Report files are written to `.NAME.tmp-PID` and renamed into place (SPEC §6); a run killed in
/// between leaves that hidden file behind. The next run that writes into the folder removes the
/// ones whose process no longer exists, so partial files do not pile up: the nightly run in
/// `reports/pdms`, the monthly report in `reports/monthly` and the month's CSV folder.
enum StaleReportFiles {
    /// Removes the leftovers in `folder`; returns the names removed.
    @discardableResult
    static func sweep(folder: String, logger: Logger) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = writerPID(of: name), !isAlive(pid) else { continue }
            if (try? FileManager.default.removeItem(atPath: folder + "/" + name)) != nil {
                removed.append(name)
                logger.info("removed a partial report file left by a killed run", metadata: ["file": "\(folder)/\(name)"])
            }
        }
        return removed
    }

    /// The process id in `.NAME.csv.tmp-PID` or `.NAME.xlsx.tmp-PID`, or nil for any other name.
    static func writerPID(of name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let written = name[..<marker.lowerBound]
        guard written.hasSuffix(".csv") || written.hasSuffix(".xlsx") else { return nil }
        let digits = name[marker.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return pid_t(digits)
    }

    /// Signal 0 checks that a process exists without touching it.
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
