import Foundation
import OpenBadges
import Relicensure
import Yams

/// Reads and checks the configuration file. Every problem is a `ConfigurationError` naming the
/// file and line; unknown keys get a "did you mean" when a known key is close.
public enum ConfigurationLoader {
    /// Where the file is: `--config`, else `$RELICENSURE_CONFIG`, else `./relicensure.yaml`.
    public static func locate(option: String?, environment: [String: String]) -> String {
        option ?? environment["RELICENSURE_CONFIG"] ?? "relicensure.yaml"
    }

    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError(file: path, line: 0,
                                     message: "cannot read the configuration file (\(error.localizedDescription)); pass --config PATH or set RELICENSURE_CONFIG")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: 1, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses configuration text; `file` names it in errors and anchors relative paths.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Configuration {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigurationError(file: file, line: 1, message: "the file is empty; 'inbox', 'reports' and 'ddoe.issuers' are required")
            }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: Self.line(of: error), message: "not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw ConfigurationError(file: file, line: 1, message: "not valid YAML: \(error)")
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let reader = YAMLReader(file: file, folder: folder)
        return try reader.configuration(root)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 1
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicate key \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }
}
