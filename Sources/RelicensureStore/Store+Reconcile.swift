public import OpenBadges
import Postgres
public import Relicensure

/// One finding of the reconciliation with PDMS (SPEC §9): a row of `reconcile.csv`.
public struct ReconcileLine: Sendable, Hashable {
    public var finding: PDMSFinding
    public var educatorID: String
    public var lastName: String?
    public var firstName: String?
    public var districtCode: String?
    /// Our award id, or the PDMS row's `credential_id` for a row unknown to us.
    public var credentialID: String?
    public var activityTitle: String?
    public var completionDate: CalendarDate?
    /// Net hours of ours that were exported (zero for a reversed credit); `nil` for a PDMS row unknown to us.
    public var ourHours: ClockHours?
    /// What PDMS holds for it; `nil` when it holds nothing.
    public var pdmsHours: ClockHours?
    /// The PDMS batch that carried the credit (or its latest entry).
    public var batch: Int64?
}

/// What the reconciliation compares against: which PDMS snapshot, as of which day, and how
/// PDMS names the issuers whose micro-credentials we would have seen.
public struct ReconcileBasis: Sendable {
    public var pdmsImport: PDMSImportRecord
    public var asOf: CalendarDate
    /// Days HR has to key a batch in (`pdms.grace_days`).
    public var graceDays: Int
    /// Issuer ids of the configuration (DDOE and the districts' external issuers).
    public var issuerIDs: [String]
    /// Issuer names of the configuration.
    public var issuerNames: [String]

    public init(pdmsImport: PDMSImportRecord, asOf: CalendarDate, graceDays: Int, issuerIDs: [String],
                issuerNames: [String]) {
        self.pdmsImport = pdmsImport
        self.asOf = asOf
        self.graceDays = graceDays
        self.issuerIDs = issuerIDs
        self.issuerNames = issuerNames
    }
}

extension Store {
    /// Every finding of SPEC §9 for `basis`, by finding, educator and credential. Only entries
    /// exported in a PDMS batch by the as-of day count as what PDMS should hold; a credit or
    /// reversal whose latest batch is within the grace days of the import is not yet a finding
    /// (HR may not have keyed it in). Which PDMS row stands for which award of ours is
    /// `pdms_our_award`, the rule `other_hours` uses too.
    public func reconcile(_ basis: ReconcileBasis) throws -> [ReconcileLine] {
        let cutoff = basis.pdmsImport.importedOn.adding(days: -basis.graceDays).description
        let asOf = basis.asOf.description
        let names = basis.issuerNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return try connection.query("""
            WITH pdms AS (
                SELECT p.*, pdms_our_award(p, \(asOf)::date) AS award_id
                FROM pdms_activities p WHERE p.import_id = \(basis.pdmsImport.importID)
            ), held AS (
                SELECT award_id, sum(clock_hours) AS hours FROM pdms WHERE award_id IS NOT NULL GROUP BY award_id
            ), ours AS (
                SELECT l.award_id, min(l.educator_id) AS educator_id, min(l.award_date) AS award_date,
                       sum(CASE WHEN l.action = 'ADD' THEN l.hours ELSE -l.hours END) AS net,
                       bool_or(l.action = 'REVERSE') AS reversed,
                       max(b.as_of) AS last_export,
                       min(b.batch_id) FILTER (WHERE l.action = 'ADD') AS first_batch, max(b.batch_id) AS last_batch
                FROM ledger_entries l JOIN pdms_batch_entries USING (entry_id) JOIN pdms_batches b USING (batch_id)
                WHERE l.posted_on <= \(asOf)::date AND b.as_of <= \(asOf)::date
                GROUP BY l.award_id
            ), issuer_names AS (
                SELECT \(names)::text[] || coalesce(array_agg(DISTINCT lower(btrim(name))), '{}') AS names
                FROM catalog_documents WHERE kind = 'issuer' AND document_id = ANY(\(basis.issuerIDs)::text[]) AND name IS NOT NULL
            ), findings AS (
                SELECT CASE WHEN o.net > 0 AND h.award_id IS NULL THEN 'missing_in_pdms'
                            WHEN o.net > 0 AND h.hours <> o.net THEN 'hours_differ'
                            WHEN o.net <= 0 AND o.reversed AND h.hours > 0 THEN 'reversed_but_in_pdms' END AS finding,
                       o.educator_id, o.award_id AS credential_id, a.badge_name AS title, o.award_date AS completion_date,
                       o.net AS our_hours, h.hours AS pdms_hours,
                       CASE WHEN h.award_id IS NULL THEN o.first_batch ELSE o.last_batch END AS batch
                FROM ours o JOIN awards a USING (award_id) LEFT JOIN held h USING (award_id)
                WHERE o.last_export < \(cutoff)::date
                UNION ALL
                SELECT 'unknown_to_us', p.educator_id, p.credential_id, p.activity_title, p.completion_date,
                       NULL, p.clock_hours, NULL
                FROM pdms p, issuer_names n
                WHERE p.award_id IS NULL
                  AND (p.credential_id ~* '^(https?://|urn:|sha256:)' OR lower(btrim(p.provider)) = ANY(n.names))
            )
            SELECT f.finding, f.educator_id, e.last_name, e.first_name, e.district_code, f.credential_id, f.title,
                   f.completion_date::text, (f.our_hours * 100)::bigint AS our_hours,
                   (f.pdms_hours * 100)::bigint AS pdms_hours, f.batch
            FROM findings f LEFT JOIN educators e USING (educator_id)
            WHERE f.finding IS NOT NULL
            ORDER BY f.finding COLLATE "C", f.educator_id COLLATE "C", f.credential_id COLLATE "C", f.completion_date
            """).map { row in
            guard let finding = PDMSFinding(rawValue: try row.string(0)) else {
                throw StoreError("the reconciliation made a finding it does not know: \(row[0] ?? "")")
            }
            return ReconcileLine(finding: finding, educatorID: try row.string(1), lastName: row[2], firstName: row[3],
                                 districtCode: row[4], credentialID: row[5], activityTitle: row[6],
                                 completionDate: row[7].flatMap { CalendarDate($0) },
                                 ourHours: row[8].flatMap { Int($0) }.map { ClockHours(hundredths: $0) },
                                 pdmsHours: row[9].flatMap { Int($0) }.map { ClockHours(hundredths: $0) },
                                 batch: row[10].flatMap { Int64($0) })
        }
    }
}
