import Foundation
import OpenBadges
import Postgres
public import Relicensure

extension Store {
    /// Upserts educators by id (SPEC §4.1), replacing their e-mail addresses; with `full`,
    /// educators missing from `educators` become inactive (never deleted). Returns how many
    /// were made inactive.
    @discardableResult
    public func upsertRoster(_ educators: [Educator], full: Bool) throws -> Int {
        try connection.query("""
            CREATE TEMP TABLE incoming_educators (LIKE educators INCLUDING DEFAULTS) ON COMMIT DROP
            """)
        try connection.query("CREATE TEMP TABLE incoming_emails (LIKE educator_emails) ON COMMIT DROP")
        try connection.copyIn("""
            COPY incoming_educators (educator_id, first_name, last_name, email, district_code, school_code,
                                     school_name, license_type, license_start, license_end, active) FROM STDIN
            """, rows: educators.lazy.map { educator in
                [educator.id, educator.firstName, educator.lastName, educator.email, educator.districtCode,
                 educator.schoolCode, educator.schoolName, educator.licenseType,
                 educator.term?.start.description, educator.term?.end.description, educator.isActive ? "t" : "f"]
            })
        try connection.copyIn("COPY incoming_emails (educator_id, email, is_primary) FROM STDIN",
                              rows: educators.lazy.flatMap { educator in
                                  Self.distinctEmails(educator).enumerated().map { index, email in
                                      [educator.id, email, index == 0 ? "t" : "f"]
                                  }
                              })
        try connection.query("""
            INSERT INTO educators AS e (educator_id, first_name, last_name, email, district_code, school_code,
                                        school_name, license_type, license_start, license_end, active, updated_at)
            SELECT educator_id, first_name, last_name, email, district_code, school_code, school_name,
                   license_type, license_start, license_end, active, now()
            FROM incoming_educators
            ON CONFLICT (educator_id) DO UPDATE SET
                first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, email = EXCLUDED.email,
                district_code = EXCLUDED.district_code, school_code = EXCLUDED.school_code,
                school_name = EXCLUDED.school_name, license_type = EXCLUDED.license_type,
                license_start = EXCLUDED.license_start, license_end = EXCLUDED.license_end,
                active = EXCLUDED.active, updated_at = now()
            WHERE (e.first_name, e.last_name, e.email, e.district_code, e.school_code, e.school_name, e.license_type,
                   e.license_start, e.license_end, e.active)
                  IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.email, EXCLUDED.district_code,
                                    EXCLUDED.school_code, EXCLUDED.school_name, EXCLUDED.license_type,
                                    EXCLUDED.license_start, EXCLUDED.license_end, EXCLUDED.active)
            """)
        // Only the rows that differ are written, educators above and addresses here: the same
        // roster imported again leaves the roster's revision (sql/021) where it was, and the
        // next night need not compare every educator.
        try connection.query("""
            DELETE FROM educator_emails m
            WHERE m.educator_id IN (SELECT educator_id FROM incoming_educators)
              AND NOT EXISTS (SELECT 1 FROM incoming_emails i
                              WHERE i.educator_id = m.educator_id AND i.email = m.email AND i.is_primary = m.is_primary)
            """)
        try connection.query("""
            INSERT INTO educator_emails
            SELECT * FROM incoming_emails i
            WHERE NOT EXISTS (SELECT 1 FROM educator_emails m WHERE m.educator_id = i.educator_id AND m.email = i.email)
            """)
        guard full else { return 0 }
        let result = try connection.query("""
            UPDATE educators SET active = false, updated_at = now()
            WHERE active AND educator_id NOT IN (SELECT educator_id FROM incoming_educators)
            """)
        return result.affectedRows
    }

    /// Addresses in order, primary first, without repeats (compared case-insensitively).
    static func distinctEmails(_ educator: Educator) -> [String] {
        var seen = Set<String>()
        return educator.allEmails.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Every educator, active or not, with all their addresses.
    public func roster() throws -> [Educator] {
        try rosterRows().educators()
    }

    /// The roster's rows as the server sent them: `educators()` decodes them, on any thread.
    public struct RosterRows: Sendable {
        let educatorRows: PostgresResult
        let otherEmails: PostgresResult

        /// Every educator, active or not, with all their addresses.
        public func educators() throws -> [Educator] {
            var others: [String: [String]] = [:]
            for row in otherEmails {
                others[try row.string("educator_id"), default: []].append(try row.string("email"))
            }
            return try educatorRows.map { try Store.educator($0, otherEmails: others) }
        }
    }

    /// The roster's rows, read now and decoded later: the night decodes them on another core
    /// while this connection reads the rest of its inputs.
    public func rosterRows() throws -> RosterRows {
        RosterRows(educatorRows: try connection.query("""
                       SELECT \(unescaped: Self.educatorColumns) FROM educators ORDER BY educator_id
                       """),
                   otherEmails: try connection.query("""
                       SELECT educator_id, email FROM educator_emails WHERE NOT is_primary ORDER BY educator_id, email
                       """))
    }

    /// One educator by id or by any of their e-mail addresses (case-insensitive).
    public func educator(idOrEmail key: String) throws -> Educator? {
        let found = try connection.query("""
            SELECT e.educator_id FROM educators e WHERE e.educator_id = \(key)
            UNION
            SELECT m.educator_id FROM educator_emails m WHERE lower(m.email) = lower(\(key))
            """)
        guard found.count == 1, let id = found.first?["educator_id"] else { return nil }
        var others: [String: [String]] = [:]
        for row in try connection.query("""
            SELECT educator_id, email FROM educator_emails WHERE educator_id = \(id) AND NOT is_primary ORDER BY email
            """) {
            others[id, default: []].append(try row.string("email"))
        }
        let rows = try connection.query("""
            SELECT \(unescaped: Self.educatorColumns) FROM educators WHERE educator_id = \(id)
            """)
        return try rows.first.map { row in try Self.educator(row, otherEmails: others) }
    }

    /// The columns `educator(_:otherEmails:)` reads, in the order it reads them by position
    /// (by name, 550,000 lookups a night for 50,000 educators).
    static let educatorColumns = """
        educator_id, first_name, last_name, email, district_code, school_code, school_name, license_type,
        license_start::text, license_end::text, active
        """

    static func educator(_ row: PostgresRow, otherEmails: [String: [String]]) throws -> Educator {
        let id = try row.string(0)
        var term: LicenseTerm?
        if let start = row[8].flatMap({ CalendarDate($0) }), let end = row[9].flatMap({ CalendarDate($0) }) {
            term = LicenseTerm(start: start, end: end)
        }
        return Educator(id: id, firstName: try row.string(1), lastName: try row.string(2), email: try row.string(3),
                        otherEmails: otherEmails[id] ?? [], districtCode: try row.string(4), schoolCode: row[5],
                        schoolName: row[6], licenseType: row[7], term: term, isActive: try row.bool(10))
    }
}

extension Store {
    /// Which of `ids` are educators on the roster (active or not).
    public func knownEducatorIDs(among ids: [String]) throws -> Set<String> {
        let wanted = Array(Set(ids))
        guard !wanted.isEmpty else { return [] }
        var known = Set<String>()
        // One parameter carries the list, as a JSON array.
        let list = String(decoding: try JSONEncoder().encode(wanted), as: UTF8.self)
        for row in try connection.query("""
            SELECT educator_id FROM educators WHERE educator_id IN (SELECT jsonb_array_elements_text($1::jsonb))
            """, [list]) {
            known.insert(try row.string(0))
        }
        return known
    }
}
