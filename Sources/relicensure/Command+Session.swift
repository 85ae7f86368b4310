import ArgumentParser
import Foundation
import Logging
import RelicensureApp

extension CommonOptions {
    /// The session a command runs in; problems become the right exit code.
    func session(asOf: String? = nil) throws -> Session {
        var logger = Logger(label: "relicensure")
        logger.logLevel = verbose ? .debug : .info
        return try reportingFailures { try Session(configOption: config, asOfOption: asOf, logger: logger) }
    }
}

/// Runs `body`, printing an `AppError` as one line on standard error and exiting with its code.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as AppError {
        FileHandle.standardError.write(Data("\(error.message)\n".utf8))
        throw ExitCode(error.kind.rawValue)
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("relicensure: \(error)\n".utf8))
        throw ExitCode(AppError.Kind.failed.rawValue)
    }
}

/// For configuration errors SPEC §6 wants `FILE:LINE:` first on standard error, so the
/// `relicensure:` prefix is left off them.
func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
