import Foundation
import OpenBadges
import Relicensure
import Yams

/// A mapping's values by key, remembering the mapping node for "missing key" errors.
struct CheckedMapping {
    let node: Node
    let values: [String: Node]
    let reader: YAMLReader
    let path: String

    subscript(key: String) -> Node? { values[key] }

    func required(_ key: String) throws(ConfigurationError) -> Node {
        guard let value = values[key] else {
            let name = path.isEmpty ? key : "\(path).\(key)"
            throw reader.error(node, "'\(name)' is required")
        }
        return value
    }
}

extension YAMLReader {
    func error(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line ?? 1, message: message)
    }

    func mapping(_ node: Node, path: String, allowed: [String], required: [String] = []) throws(ConfigurationError) -> CheckedMapping {
        guard case .mapping(let mapping) = node else {
            throw error(node, path.isEmpty ? "the file must be a mapping of settings" : "'\(path)' must be a mapping")
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(keyNode, "a key must be text") }
            guard allowed.contains(key) else {
                let qualified = path.isEmpty ? "" : " in '\(path)'"
                throw error(keyNode, "unknown key '\(key)'\(qualified)\(suggestion(key, allowed))")
            }
            values[key] = value
        }
        let checked = CheckedMapping(node: node, values: values, reader: self, path: path)
        for key in required { _ = try checked.required(key) }
        return checked
    }

    func sequence(_ node: Node, _ path: String) throws(ConfigurationError) -> [Node] {
        guard case .sequence(let items) = node else { throw error(node, "'\(path)' must be a list") }
        return Array(items)
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A scalar's text, whatever its YAML type (for codes such as `31` or `"031"`).
    func scalarText(_ node: Node, _ path: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            throw error(node, "'\(path)' must be a single value")
        }
        return scalar.string
    }

    func string(_ node: Node, _ path: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            throw error(node, "'\(path)' must be text")
        }
        if scalar.style == .plain, node.bool != nil || node.float != nil || node.int != nil {
            // An unquoted `yes` or `12` where text belongs is almost always a typo.
            throw error(node, "'\(path)' must be text, not '\(scalar.string)' (quote it if it is meant as text)")
        }
        return scalar.string
    }

    func optionalString(_ node: Node, _ path: String) throws(ConfigurationError) -> String? {
        isNull(node) ? nil : try string(node, path)
    }

    func stringList(_ node: Node, _ path: String) throws(ConfigurationError) -> [String] {
        try sequence(node, path).enumerated().map { index, item throws(ConfigurationError) in
            try string(item, "\(path)[\(index)]")
        }
    }

    func hours(_ node: Node, _ path: String) throws(ConfigurationError) -> ClockHours {
        guard case .scalar(let scalar) = node, let hours = ClockHours(scalar.string) else {
            throw error(node, "'\(path)' must be a number of hours such as 10 or 7.5")
        }
        guard hours.hundredths >= 0 else { throw error(node, "'\(path)' must not be negative") }
        // The ledger holds up to 999,999.99 hours per entry; no rule of a license needs more than this.
        guard hours <= ClockHours(10_000) else { throw error(node, "'\(path)' must be at most 10000 hours") }
        return hours
    }

    func optionalHours(_ node: Node, _ path: String) throws(ConfigurationError) -> ClockHours? {
        isNull(node) ? nil : try hours(node, path)
    }

    func bool(_ node: Node, _ path: String) throws(ConfigurationError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.bool else {
            throw error(node, "'\(path)' must be true or false")
        }
        return value
    }

    /// A whole number of seconds from 1 to `limit`.
    func seconds(_ node: Node, _ path: String, limit: Int) throws(ConfigurationError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string), (1...limit).contains(value) else {
            throw error(node, "'\(path)' must be a whole number of seconds from 1 to \(limit)")
        }
        return value
    }

    func date(_ node: Node, _ path: String) throws(ConfigurationError) -> CalendarDate {
        guard case .scalar(let scalar) = node, let date = CalendarDate(scalar.string) else {
            throw error(node, "'\(path)' must be a date written YYYY-MM-DD")
        }
        return date
    }

    /// Resolves a path from the file against the file's own folder.
    func path(_ text: String) throws(ConfigurationError) -> String {
        if text.hasPrefix("/") { return URL(fileURLWithPath: text).standardizedFileURL.path }
        return folder.appendingPathComponent(text).standardizedFileURL.path
    }

    func suggestion(_ key: String, _ candidates: [String]) -> String {
        let best = candidates.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, key.count / 3) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
