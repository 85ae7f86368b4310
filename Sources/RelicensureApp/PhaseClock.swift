import Foundation
import Logging

/// Times the phases of a run and logs each at debug level (`--verbose`), so an operator can
/// see where a slow night spends its time without a profiler.
struct PhaseClock {
    let logger: Logger
    private var last = DispatchTime.now()

    init(logger: Logger) { self.logger = logger }

    mutating func lap(_ phase: String) {
        let now = DispatchTime.now()
        let milliseconds = (now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        logger.debug("phase done", metadata: ["phase": "\(phase)", "ms": "\(milliseconds)"])
        last = now
    }
}
