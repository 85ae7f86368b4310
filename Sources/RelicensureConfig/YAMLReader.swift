import Foundation
import OpenBadges
import Relicensure
import Yams

/// Walks the YAML tree of the configuration file, checking every key and type against SPEC §3.
struct YAMLReader {
    let file: String
    let folder: URL

    // MARK: The file's sections

    func configuration(_ root: Node) throws(ConfigurationError) -> Configuration {
        let top = try mapping(root, path: "", allowed: ["database", "inbox", "uploads", "reports", "state", "ddoe",
                                                          "districts", "verification", "pdms", "web"],
                              required: ["inbox", "reports", "ddoe"])
        let database = try top["database"].map { node throws(ConfigurationError) in try optionalString(node, "database") } ?? nil
        let inbox = try path(try string(top.required("inbox"), "inbox"))
        let uploads = try top["uploads"].map { node throws(ConfigurationError) in try optionalString(node, "uploads") }?
            .map { text throws(ConfigurationError) in try path(text) }
        let reports = try path(try string(top.required("reports"), "reports"))

        var timeZone = TimeZone(identifier: "America/New_York") ?? TimeZone.current
        var requiredHours = ClockHours(90)
        var stateCap: ClockHours?
        if let stateNode = top["state"] {
            let state = try mapping(stateNode, path: "state", allowed: ["time_zone", "required_hours", "micro_credential_cap"])
            if let zoneNode = state["time_zone"] {
                let name = try string(zoneNode, "state.time_zone")
                guard let zone = TimeZone(identifier: name) else {
                    throw error(zoneNode, "'state.time_zone' is '\(name)', not a time zone name such as America/New_York")
                }
                timeZone = zone
            }
            if let node = state["required_hours"] { requiredHours = try hours(node, "state.required_hours") }
            if let node = state["micro_credential_cap"] { stateCap = try optionalHours(node, "state.micro_credential_cap") }
        }

        let ddoeNode = try top.required("ddoe")
        let ddoe = try mapping(ddoeNode, path: "ddoe", allowed: ["hours_per_credential", "issuers"], required: ["issuers"])
        let ddoeHours = try ddoe["hours_per_credential"].map { node throws(ConfigurationError) in
            try hours(node, "ddoe.hours_per_credential")
        } ?? ClockHours(10)
        let ddoeIssuers = try stringList(ddoe.required("issuers"), "ddoe.issuers")

        var districts: [String: DistrictRules] = [:]
        if let districtsNode = top["districts"] {
            for (index, node) in try sequence(districtsNode, "districts").enumerated() {
                let district = try self.district(node, path: "districts[\(index)]")
                guard districts[district.code] == nil else {
                    throw error(node, "district code '\(district.code)' appears twice in 'districts'")
                }
                districts[district.code] = district
            }
        }

        let verification = try top["verification"].map { node throws(ConfigurationError) in try self.verification(node) }
            ?? VerificationSettings()
        let pdms = try top["pdms"].map { node throws(ConfigurationError) in try self.pdms(node) } ?? PDMSSettings()
        let web = try top["web"].map { node throws(ConfigurationError) in try self.web(node) } ?? WebSettings()
        let rules = CreditingRules(requiredHours: requiredHours, microCredentialCap: stateCap,
                                   ddoe: DDOERule(hoursPerCredential: ddoeHours, issuerIDs: Set(ddoeIssuers)),
                                   districts: districts)
        return Configuration(file: file, database: database, inbox: inbox, uploads: uploads, reports: reports,
                             timeZone: timeZone, rules: rules, verification: verification, pdmsColumns: pdms.columns,
                             pdmsTranscript: pdms.transcript, web: web)
    }

    /// `pdms`: the columns of the files we write (SPEC §6), and how the PDMS transcript export
    /// is read and reconciled (SPEC §4.5, §9).
    func pdms(_ node: Node) throws(ConfigurationError) -> PDMSSettings {
        let pdms = try mapping(node, path: "pdms", allowed: ["columns", "transcript_columns", "grace_days"])
        var settings = PDMSSettings()
        if let columnsNode = pdms["columns"] {
            settings.columns = try stringList(columnsNode, "pdms.columns")
            for (columnNode, name) in zip(columnsNode.array(), settings.columns)
            where !Configuration.knownPDMSColumns.contains(name) {
                throw error(columnNode, "unknown PDMS column '\(name)'\(suggestion(name, Configuration.knownPDMSColumns)); known columns: \(Configuration.knownPDMSColumns.joined(separator: ", "))")
            }
        }
        if let mapNode = pdms["transcript_columns"], !isNull(mapNode) {
            let known = PDMSTranscriptSettings.columns
            let names = try mapping(mapNode, path: "pdms.transcript_columns", allowed: known)
            for name in known {
                guard let valueNode = names[name] else { continue }
                settings.transcript.columnNames[name] = try string(valueNode, "pdms.transcript_columns.\(name)")
            }
            let theirs = settings.transcript.columnNames.values.map { $0.lowercased() }
            if Set(theirs).count != theirs.count {
                throw error(mapNode, "'pdms.transcript_columns' names one PDMS column for two of ours; each needs its own")
            }
        }
        if let graceNode = pdms["grace_days"] {
            guard case .scalar(let scalar) = graceNode, scalar.style == .plain, let days = Int(scalar.string),
                  (0...365).contains(days) else {
                throw error(graceNode, "'pdms.grace_days' must be a whole number of days from 0 to 365")
            }
            settings.transcript.graceDays = days
        }
        return settings
    }

    func district(_ node: Node, path: String) throws(ConfigurationError) -> DistrictRules {
        let map = try mapping(node, path: path, allowed: ["code", "name", "external_cap", "issuers"], required: ["code", "name"])
        let code = try scalarText(map.required("code"), "\(path).code")
        let name = try string(map.required("name"), "\(path).name")
        let cap = try map["external_cap"].map { node throws(ConfigurationError) in try optionalHours(node, "\(path).external_cap") } ?? nil
        var rules: [IssuerRule] = []
        if let issuersNode = map["issuers"] {
            for (index, issuerNode) in try sequence(issuersNode, "\(path).issuers").enumerated() {
                let rule = try issuerRule(issuerNode, path: "\(path).issuers[\(index)]")
                if let clash = rules.first(where: { $0.issuerID == rule.issuerID && $0.overlaps(rule) }) {
                    throw error(issuerNode, "district \(code) has two rules for issuer '\(rule.issuerID)' whose dates overlap (\(window(clash)) and \(window(rule))); give them 'from'/'until' windows that do not overlap")
                }
                rules.append(rule)
            }
        }
        return DistrictRules(code: code, name: name, externalCap: cap, issuers: rules)
    }

    private func window(_ rule: IssuerRule) -> String {
        "\(rule.from?.description ?? "always")..\(rule.until?.description ?? "open")"
    }

    func issuerRule(_ node: Node, path: String) throws(ConfigurationError) -> IssuerRule {
        let map = try mapping(node, path: path, allowed: ["id", "name", "hours", "badges", "approval", "from", "until", "cap"],
                              required: ["id", "hours"])
        let id = try string(map.required("id"), "\(path).id")
        let name = try map["name"].map { node throws(ConfigurationError) in try string(node, "\(path).name") } ?? id
        let defaultHours = try hours(map.required("hours"), "\(path).hours")
        var badgeHours: [String: ClockHours] = [:]
        if let badgesNode = map["badges"] {
            guard case .mapping(let badges) = badgesNode else {
                throw error(badgesNode, "'\(path).badges' must be a mapping of badge id to hours")
            }
            for (key, value) in badges {
                let badgeID = try string(key, "\(path).badges key")
                badgeHours[badgeID] = try hours(value, "\(path).badges[\(badgeID)]")
            }
        }
        var approval = ApprovalMode.none
        if let approvalNode = map["approval"] {
            let text = try string(approvalNode, "\(path).approval")
            guard let mode = ApprovalMode(rawValue: text) else {
                throw error(approvalNode, "'\(path).approval' is '\(text)'; use 'per-educator' or 'none'")
            }
            approval = mode
        }
        let from = try map["from"].map { node throws(ConfigurationError) in try date(node, "\(path).from") }
        let until = try map["until"].map { node throws(ConfigurationError) in try date(node, "\(path).until") }
        if let from, let until, until < from {
            throw error(node, "'\(path)' ends (\(until)) before it starts (\(from))")
        }
        let cap = try map["cap"].map { node throws(ConfigurationError) in try optionalHours(node, "\(path).cap") } ?? nil
        return IssuerRule(issuerID: id, name: name, hours: defaultHours, badgeHours: badgeHours, approval: approval,
                          from: from, until: until, cap: cap)
    }

    func verification(_ node: Node) throws(ConfigurationError) -> VerificationSettings {
        let map = try mapping(node, path: "verification", allowed: ["keys", "fetch", "ca_file", "allow_private",
                                                                        "fetch_budget_seconds"])
        var settings = VerificationSettings()
        if let keysNode = map["keys"] {
            guard case .mapping(let keys) = keysNode else {
                throw error(keysNode, "'verification.keys' must map issuer ids to key files")
            }
            for (issuerNode, filesNode) in keys {
                let issuer = try string(issuerNode, "verification.keys key")
                let files: [String]
                if case .sequence = filesNode {
                    files = try stringList(filesNode, "verification.keys[\(issuer)]")
                } else {
                    files = [try string(filesNode, "verification.keys[\(issuer)]")]
                }
                settings.keys[issuer] = try files.map { text throws(ConfigurationError) in try path(text) }
            }
        }
        if let fetchNode = map["fetch"] { settings.fetch = try bool(fetchNode, "verification.fetch") }
        if let caNode = map["ca_file"] {
            settings.caFile = try optionalString(caNode, "verification.ca_file").map { text throws(ConfigurationError) in try path(text) }
        }
        if let privateNode = map["allow_private"] { settings.allowPrivate = try bool(privateNode, "verification.allow_private") }
        if let budgetNode = map["fetch_budget_seconds"] {
            settings.fetchBudgetSeconds = try seconds(budgetNode, "verification.fetch_budget_seconds", limit: 3600)
        }
        return settings
    }
}
