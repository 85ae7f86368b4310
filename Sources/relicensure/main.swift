import ArgumentParser
import Foundation
import Logging
import RelicensureApp

LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label) }
do {
    var command = try Relicensure.parseAsRoot()
    try command.run()
} catch {
    // SPEC §7 wants exit 2 for a usage error; ArgumentParser's own code for one is EX_USAGE (64).
    if Relicensure.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Relicensure.fullMessage(for: error) + "\n").utf8))
        Relicensure.exit(withError: ExitCode(AppError.Kind.usage.rawValue))
    }
    Relicensure.exit(withError: error)
}
