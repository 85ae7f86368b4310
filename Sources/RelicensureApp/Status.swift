import Foundation
import RelicensureStore
import Reports

/// `relicensure status [--format json]` (SPEC §7): the last runs and what is waiting.
public enum Status {
    public static func run(session: Session, json: Bool, limit: Int = 10) throws -> String {
        let store = try session.openStore()
        let runs = try store.recentRuns(limit: limit)
        let waiting = try store.waitingCounts()
        // SPEC §9: when the last PDMS import was made and how many findings are open as of today.
        let reconciled = try ReconcileReport.findings(store: store, session: session)
        let pdms: [String: Any] = ["last_import": reconciled.map { $0.0.importedOn.description } ?? NSNull(),
                                   "open_findings": reconciled.map { $0.1.count } ?? NSNull()]
        if json {
            let object: [String: Any] = [
                "runs": runs.map { run -> [String: Any] in
                    var entry: [String: Any] = ["run_id": run.id, "command": run.command, "as_of": run.asOf,
                                                "started_at": run.startedAt, "outcome": run.outcome,
                                                "dry_run": run.dryRun]
                    entry["ended_at"] = run.endedAt
                    entry["message"] = run.message
                    entry["counts"] = (try? JSONSerialization.jsonObject(with: Data(run.countsJSON.utf8))) ?? [:]
                    return entry
                },
                "waiting": waiting,
                "pdms": pdms,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            return String(data: data, encoding: .utf8) ?? "{}"
        }
        var lines = ["Last runs:"]
        if runs.isEmpty { lines.append("  none yet") }
        for run in runs {
            lines.append("  #\(run.id) \(run.command) as of \(run.asOf): \(run.outcome), started \(run.startedAt)"
                         + (run.endedAt.map { ", ended \($0)" } ?? "") + " — \(run.countsJSON)"
                         + (run.message.map { " — \($0)" } ?? ""))
        }
        lines.append("Waiting:")
        if waiting.isEmpty { lines.append("  nothing") }
        for (outcome, count) in waiting.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(outcome): \(count)")
        }
        if let reconciled {
            let (pdmsImport, findings) = reconciled
            lines.append("PDMS: last import of \(pdmsImport.importedOn) (\(pdmsImport.rowCount) activities); "
                         + "\(findings.count) reconciliation finding\(findings.count == 1 ? "" : "s") open"
                         + (findings.isEmpty ? "." : " (relicensure report reconcile)."))
        } else {
            lines.append("PDMS: \(Transcript.otherHoursFrom(nil)) (no transcript import yet: relicensure pdms import FILE.csv).")
        }
        return lines.joined(separator: "\n")
    }
}
