import OpenBadges

/// What a fixture must read as.
enum ExpectedReading: Sendable, CustomStringConvertible {
    /// An award: id, version, award day (UTC), the recipient identity (`nil` = none).
    case assertion(id: String, version: SpecVersion, day: String, recipient: String?)
    case badgeClass(id: String?, name: String)
    case issuer(id: String?, name: String)
    case revocationList(id: String?, entries: Int)
    case statusList(id: String?)
    case key(id: String?)
    case notice(String)
    case url(String)
    case invalid(code: String)
    case notABadgeFile(ext: String)
    /// An award whose id is `sha256:` + the SHA-256 of the file.
    case assertionByHash(version: SpecVersion, day: String, recipient: String?)

    var description: String {
        switch self {
        case .assertion(let id, let version, let day, _): return "assertion \(id) \(version.rawValue) \(day)"
        case .badgeClass(let id, let name): return "badgeClass \(id ?? "-") \(name)"
        case .issuer(let id, let name): return "issuer \(id ?? "-") \(name)"
        case .revocationList(let id, let entries): return "revocationList \(id ?? "-") \(entries)"
        case .statusList(let id): return "statusList \(id ?? "-")"
        case .key(let id): return "key \(id ?? "-")"
        case .notice(let id): return "notice \(id)"
        case .url(let url): return "url \(url)"
        case .invalid(let code): return "invalid \(code)"
        case .notABadgeFile(let ext): return "not a badge file .\(ext)"
        case .assertionByHash(let version, let day, _): return "assertion sha256 \(version.rawValue) \(day)"
        }
    }

    /// A description of the difference, or `nil` when `reading` is what was expected.
    func mismatch(_ reading: FileReading) -> String? {
        if case .notABadgeFile(let expected) = self {
            if case .notABadgeFile(let ext) = reading, ext == expected { return nil }
            return "expected \(self), got \(reading)"
        }
        let items = reading.items
        guard items.count == 1, let item = items.first else { return "expected one item, got \(items.count): \(reading)" }
        switch (self, item.content) {
        case (.assertion(let id, let version, let day, let recipient), .assertion(let assertion)):
            return compare([("awardID", id, assertion.awardID), ("version", version.rawValue, assertion.specVersion.rawValue),
                            ("day", day, utcDay(assertion.awardedAt)), ("recipient", recipient, assertion.recipient?.identity)])
        case (.assertionByHash(let version, let day, let recipient), .assertion(let assertion)):
            return compare([("awardID", "sha256:" + item.sha256, assertion.awardID),
                            ("version", version.rawValue, assertion.specVersion.rawValue),
                            ("day", day, utcDay(assertion.awardedAt)), ("recipient", recipient, assertion.recipient?.identity)])
        case (.badgeClass(let id, let name), .badgeClass(let badge)):
            return compare([("id", id, badge.id), ("name", name, badge.name)])
        case (.issuer(let id, let name), .issuer(let issuer)):
            return compare([("id", id, issuer.id), ("name", name, issuer.name)])
        case (.revocationList(let id, let entries), .revocationList(let list)):
            return compare([("id", id, list.id), ("entries", String(entries), String(list.revoked.count))])
        case (.statusList(let id), .statusList(let list)):
            return compare([("id", id, list.id)])
        case (.key(let id), .cryptographicKey(let key)):
            return compare([("id", id, key.id)])
        case (.notice(let id), .revocationNotice(let awardID)):
            return compare([("awardID", id, awardID)])
        case (.url(let url), .assertionURL(let found)):
            return compare([("url", url, found)])
        case (.invalid(let code), .invalid(let reason)):
            if reason.code != code { return "expected invalid \(code), got \(reason)" }
            if reason.message.isEmpty { return "invalid without a message" }
            return nil
        default:
            return "expected \(self), got \(item.content)"
        }
    }

    private func compare(_ pairs: [(String, String?, String?)]) -> String? {
        let differences = pairs.filter { $0.1 != $0.2 }.map { "\($0.0): expected \($0.1 ?? "nil"), got \($0.2 ?? "nil")" }
        return differences.isEmpty ? nil : differences.joined(separator: "; ")
    }
}
