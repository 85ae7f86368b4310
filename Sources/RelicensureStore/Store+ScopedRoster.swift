import Foundation
import Postgres
public import Relicensure

/// The roster as an account of the web door sees it (SPEC §8): its scope applied in the query.
extension Store {
    /// Whether the educator with this id is in `scope`: one outside it is answered as one that
    /// does not exist.
    public func isEducator(_ id: String, in scope: RosterScope) throws -> Bool {
        try !connection.query("SELECT 1 FROM educators e WHERE e.educator_id = \(id) AND \(scope, on: "e")").isEmpty
    }

    /// The educators of `scope` (active or not) whose id, name or any e-mail address contains
    /// `search` (ignoring case), of `school` when given, by id. Their other addresses are not read.
    public func educators(in scope: RosterScope, matching search: String? = nil,
                          school: String? = nil) throws -> [Educator] {
        // strpos, not LIKE: a % or _ someone types is looked for as itself.
        let needle = search.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        return try connection.query("""
            SELECT \(unescaped: Self.educatorColumns)
            FROM educators e
            WHERE \(scope, on: "e") AND (\(school)::text IS NULL OR e.school_code = \(school))
              AND (\(needle)::text IS NULL
                   OR strpos(lower(e.educator_id), \(needle)) > 0
                   OR strpos(lower(e.first_name || ' ' || e.last_name), \(needle)) > 0
                   OR strpos(lower(e.last_name || ', ' || e.first_name), \(needle)) > 0
                   OR EXISTS (SELECT 1 FROM educator_emails m
                              WHERE m.educator_id = e.educator_id AND strpos(lower(m.email), \(needle)) > 0)
                   OR strpos(lower(e.email), \(needle)) > 0)
            ORDER BY e.educator_id
            """).map { try Self.educator($0, otherEmails: [:]) }
    }
}
