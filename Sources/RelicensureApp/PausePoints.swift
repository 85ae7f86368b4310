import Foundation

/// A test hook that stops a nightly run at its phase boundaries, so that a harness can kill it,
/// cut its database connection or fill its disk at that exact point.
///
/// `RELICENSURE_PAUSE_AT` names the phases (comma-separated `NightlyPhase` raw values, or `*`
/// for all). At each of them the run writes `relicensure: paused at PHASE (process PID)` on
/// standard error and waits for one line (or the end) on standard input before it goes on.
/// Without the variable — every real night — it does nothing at all.
struct PausePoints: Sendable {
    private let phases: Set<String>
    private let everyPhase: Bool

    init(settings: EnvironmentSettings) {
        let names = settings.pauseAt
        everyPhase = names.contains("*")
        phases = Set(names)
    }

    /// Announces `phase` and waits for the harness when the environment asked for it.
    func reach(_ phase: NightlyPhase) {
        guard everyPhase || phases.contains(phase.rawValue) else { return }
        let line = "relicensure: paused at \(phase.rawValue) (process \(ProcessInfo.processInfo.processIdentifier))\n"
        FileHandle.standardError.write(Data(line.utf8))
        _ = readLine(strippingNewline: true)
    }
}

extension Session {
    /// The pause points the environment asks for (none, in production).
    var pausePoints: PausePoints { PausePoints(settings: settings) }
}
