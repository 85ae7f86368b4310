import Relicensure

/// The few lines `relicensure nightly` prints for the operator and the cron mail.
public enum NightlySummaryText {
    public static func render(_ summary: NightlyJob.Summary) -> String {
        var lines: [String] = []
        let mode = summary.dryRun ? " (dry run: nothing was written)" : ""
        lines.append("Nightly run as of \(summary.asOf)\(mode): \(summary.filesRead) files read, "
                     + "\(summary.filesSeenBefore) seen before, \(summary.newAwards) new awards, "
                     + "\(summary.evaluated) awards evaluated.")
        if summary.outcomes.isEmpty {
            lines.append("Outcomes: nothing to evaluate.")
        } else {
            let parts = summary.outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("Outcomes: " + parts.joined(separator: ", ") + ".")
        }
        if summary.hostedPostponed + summary.hostedWaiting > 0 {
            lines.append("Hosted badges: \(summary.hostedPostponed) not fetched or not proven tonight wait 2 days or more "
                         + "(\(summary.hostedLeftOver) left over by the fetch budget or a cap); "
                         + "\(summary.hostedWaiting) still wait out an earlier back-off.")
        }
        let ledger = summary.ledger
        lines.append("Ledger: \(ledger.added) credits (\(ledger.addedHours) h) and \(ledger.reversed) reversals (\(ledger.reversedHours) h)"
                     + (summary.dryRun ? " would be posted." : " posted."))
        if summary.dryRun {
            if ledger.count > ledger.sample.count {
                lines.append("  (the first \(ledger.sample.count) of \(ledger.count) entries)")
            }
            for posting in ledger.sample {
                lines.append("  would post \(posting.action.rawValue) \(posting.hours) h to educator \(posting.educatorID) for award \(posting.awardID) (\(posting.reason))")
            }
        }
        if summary.filesSettling > 0 {
            lines.append("Waiting: \(summary.filesSettling) files were modified too recently to be read safely; "
                         + "a later night reads them.")
        }
        if !summary.unreadable.isEmpty {
            lines.append("Could not read \(summary.unreadable.count) files or folders; \(unreadableAdvice)")
            for path in summary.unreadable { lines.append("  cannot read: \(path)") }
        }
        if summary.pdmsFiles.isEmpty {
            lines.append(summary.dryRun ? "PDMS: no file written (dry run)." : "PDMS: nothing new, no file written.")
        } else {
            for file in summary.pdmsFiles { lines.append("PDMS import file: \(file)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The sentence for files and folders the night could not read, also kept as the run's
    /// message for `status`; nil when it read everything.
    public static func unreadableLine(_ summary: NightlyJob.Summary) -> String? {
        guard !summary.unreadable.isEmpty else { return nil }
        let shown = summary.unreadable.prefix(20).joined(separator: ", ")
        let more = summary.unreadable.count > 20 ? " and \(summary.unreadable.count - 20) more" : ""
        return "Could not read \(summary.unreadable.count) files or folders (\(shown)\(more)); \(unreadableAdvice)"
    }

    static let unreadableAdvice = "give the user the nightly runs as permission to read them; "
        + "the next night reads them (exit 4: done, but a person must look)."
}
