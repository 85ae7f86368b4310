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
        if summary.pdmsFiles.isEmpty {
            lines.append(summary.dryRun ? "PDMS: no file written (dry run)." : "PDMS: nothing new, no file written.")
        } else {
            for file in summary.pdmsFiles { lines.append("PDMS import file: \(file)") }
        }
        return lines.joined(separator: "\n")
    }
}
