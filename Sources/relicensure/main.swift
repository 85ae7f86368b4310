import ArgumentParser
import Foundation
import Logging
import RelicensureApp

/// Calls the `async` `run()` of a command (an existential would pick the synchronous one).
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label) }
do {
    var command = try Relicensure.parseAsRoot()
    // `serve` runs until stopped, on Swift concurrency; every other command is synchronous.
    if var serving = command as? any AsyncParsableCommand {
        try await runAsync(&serving)
    } else {
        try command.run()
    }
} catch {
    // SPEC §7 wants exit 2 for a usage error; ArgumentParser's own code for one is EX_USAGE (64).
    if Relicensure.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Relicensure.fullMessage(for: error) + "\n").utf8))
        Relicensure.exit(withError: ExitCode(AppError.Kind.usage.rawValue))
    }
    Relicensure.exit(withError: error)
}
