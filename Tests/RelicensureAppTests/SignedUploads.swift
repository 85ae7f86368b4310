import Foundation
import Postgres
import RelicensureApp
import TestSigning
import Testing

/// A district whose inbox holds the DDOE issuer and BadgeClasses, with keys of the tests' own
/// making pinned or published, and helpers to hand in signed badges through uploads.
struct SignedUploads {
    let workspace: Workspace
    let database: TestDatabase

    /// `pinned`: key files to write under keys/ and pin for the DDOE issuer (name, PEM or JWK
    /// text); `pinnedElsewhere`: the same for other issuers; `fetching`: the other lines of
    /// `verification:` (by default no fetching at all: tests never reach beyond 127.0.0.1).
    init(_ database: TestDatabase, pinned: [(name: String, text: String)] = [],
         pinnedElsewhere: [(issuer: String, name: String, text: String)] = [], extraConfig: String = "",
         roster: String = Sample.roster, fetching: String = "  fetch: false\n") throws {
        self.database = database
        let files = pinned.map { (issuer: Sample.ddoe, name: $0.name, text: $0.text) } + pinnedElsewhere
        var config = extraConfig + "\nverification:\n" + fetching
        if !files.isEmpty {
            config += "  keys:\n"
            for issuer in Set(files.map(\.issuer)).sorted() {
                let paths = files.filter { $0.issuer == issuer }.map { "./keys/\($0.name)" }
                config += "    \"\(issuer)\": [\(paths.joined(separator: ", "))]\n"
            }
        }
        workspace = try Workspace(database: database, extraConfig: config)
        for file in files { try workspace.write("keys/\(file.name)", file.text) }
        try workspace.migrate()
        try workspace.write("roster.csv", roster)
        _ = try RosterImport.run(session: try workspace.session(), file: workspace.root.appendingPathComponent("roster.csv").path,
                                 full: false, strict: false)
        try workspace.write("inbox/ddoe/issuer.json", Sample.issuer)
        for (slug, name) in Self.badges { try workspace.write("inbox/ddoe/\(slug).json", Sample.badgeClass(slug, name: name)) }
    }

    /// A district with `key`'s PEM pinned for the DDOE.
    static func pinning(_ key: TestKey, _ database: TestDatabase) throws -> SignedUploads {
        try SignedUploads(database, pinned: [("ddoe.pem", key.publicPEM)])
    }

    static let badges = [("formative-assessment", "Formative Assessment"), ("science-of-reading", "Science of Reading"),
                         ("restorative-practices", "Restorative Practices"), ("data-driven-instruction", "Data-Driven Instruction"),
                         ("digital-citizenship", "Digital Citizenship"), ("culturally-responsive", "Culturally Responsive Teaching")]

    /// A DDOE assertion for Avery (or `email`), of the `index`th badge, with id `id`.
    static func assertion(_ id: String, badge index: Int, email: String = "avery.abbott@k12.de.us") -> String {
        Sample.assertion(id, recipient: Sample.plain(email), badge: badges[index % badges.count].0)
    }

    static func awardID(_ id: String) -> String { "https://badges.doe.k12.de.us/assertions/\(id)" }

    /// A DDOE OB 3.0 credential for Avery of its own achievement; `extra` is JSON text added
    /// after its members (`, "credentialStatus": …`, or VC-JWT claims such as `, "iss": …`).
    static func credential(_ id: String, extra: String = "") -> String {
        """
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "\(awardID(id))", "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "issuer": {"id": "\(Sample.ddoe)", "type": ["Profile"], "name": "Delaware Department of Education"},
         "validFrom": "2026-10-01T12:00:00Z", "name": "Achievement \(id)",
         "credentialSubject": {"type": ["AchievementSubject"],
           "identifier": [{"type": "IdentityObject", "identityHash": "avery.abbott@k12.de.us", "identityType": "emailAddress", "hashed": false}],
           "achievement": {"id": "\(Sample.badgeBase)v3-\(id)", "type": ["Achievement"], "name": "Achievement \(id)",
                           "criteria": {"narrative": "x"}, "description": "x"}}\(extra)}
        """
    }

    func night(_ asOf: String = "2026-11-20") throws -> NightlyJob.Summary {
        try NightlyJob.run(session: try workspace.session(asOf: asOf), dryRun: false)
    }

    /// The outcome of the award `id` (an assertion id under the DDOE's assertions).
    func outcome(_ id: String) throws -> String? {
        try scalar("SELECT outcome FROM award_outcomes WHERE award_id = '\(Self.awardID(id))'")
    }

    /// The file the award `id`'s row was read from.
    func sourcePath(_ id: String) throws -> String? {
        try scalar("SELECT source_path FROM awards WHERE award_id = '\(Self.awardID(id))'")
    }

    func verification(_ id: String) throws -> String? {
        try scalar("SELECT verification FROM awards WHERE award_id = '\(Self.awardID(id))'")
    }

    func scalar(_ sql: String) throws -> String? {
        try PostgresConnection(database.conninfo).query(PostgresQuery(sql: sql)).first?[0]
    }

    /// Hours standing for Avery.
    func creditedHours() throws -> String? {
        try scalar("SELECT coalesce(sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END), 0)::int::text FROM ledger_entries")
    }
}
