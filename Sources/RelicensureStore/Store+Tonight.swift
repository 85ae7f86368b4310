import Foundation
public import OpenBadges
import Postgres
public import Relicensure

/// An award matched to one active educator tonight, waiting for that educator's rules.
public struct MatchedAward: Sendable {
    public var facts: AwardFacts
    public var educatorID: String

    public init(facts: AwardFacts, educatorID: String) {
        self.facts = facts
        self.educatorID = educatorID
    }
}

/// Tonight's evaluation as streams, so that memory follows the size of one batch and one
/// educator, never the number of awards: waiting awards are read through a cursor, matched
/// ones are set aside in a temporary table, and each educator's night is read back in
/// educator order beside their standing credits.
extension Store {
    /// Whether an award is revoked by a trusted source: the rule is `award_is_revoked`
    /// (sql/015_revocation.sql), held by RuleTwinTests against the rule stated from the SPEC; this
    /// gives it the award's facts. An award naming its BadgeClass by id belongs to the issuer
    /// the trusted BadgeClass names (`award_issuer`). `a` is the award.
    ///
    /// Only the few awards `namedAsRevoked` names (kept in `tonight_named_revoked` once the
    /// night's revocations are all known) are looked at closely: reading each award's document
    /// for its `uid` and probing the revocations cost 23 µs an award, 0.5 s of a normal night
    /// over a million awards that evaluates 21,000 of them. So the guard stays out here, where
    /// it is asked before the function is called. The award's own flag is asked first too: it
    /// costs nothing, and holds before the named awards are noted.
    static let revokedExpression = """
        (a.revoked
         OR (a.award_id IN (SELECT award_id FROM tonight_named_revoked)
             AND award_is_revoked(a.award_id, a.document->>'uid', a.revoked, award_issuer(a.issuer_id, a.badge_id),
                                  a.award_id IN (SELECT award_id FROM tonight_status_revoked))))
        """

    /// `revokedExpression` for the award whose id is in `column` (a column of the query, e.g.
    /// `s.award_id`), its award read only when something names it as revoked: an award
    /// nothing names is not revoked (`namedAsRevoked` holds every award marked revoked too).
    /// Reading each standing credit's award to learn that cost a normal night 0.1 s on the 1M
    /// ledger.
    static func revokedAmongNamed(column: String) -> String {
        """
        CASE WHEN \(column) IN (SELECT award_id FROM tonight_named_revoked)
             THEN (SELECT \(revokedExpression) FROM awards a WHERE a.award_id = \(column))
             ELSE false END
        """
    }

    /// The ids of every award something names as revoked: itself, a revocation-only document
    /// or list (by id, or by the `uid` some documents carry), or tonight's status lists. A
    /// superset of the revoked awards, small and found by index: `revokedExpression` decides.
    static let namedAsRevoked = """
        SELECT award_id FROM revocations UNION SELECT award_id FROM awards WHERE revoked
        UNION SELECT award_id FROM tonight_status_revoked
        UNION SELECT award_id FROM awards
              WHERE document ? 'uid' AND (document->>'uid') IN (SELECT award_id FROM revocations)
        """

    /// Creates tonight's temporary tables; they vanish with the transaction.
    public func beginEvaluation() throws {
        try connection.execute(script: """
            CREATE TEMP TABLE tonight_outcomes (
                award_id text, outcome text, reason text, educator_id text, hours numeric(8,2), audit jsonb,
                badge_id text, badge_name text, issuer_id text, issuer_name text
            ) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_matched (
                award_id text, educator_id text, badge_id text, badge_name text, issuer_id text, issuer_name text,
                award_date date, revoked boolean
            ) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_educators (
                educator_id text PRIMARY KEY,
                waiting_chosen boolean NOT NULL DEFAULT false,  -- see chooseWaitingAwardsOfTonightsEducators
                settled boolean NOT NULL DEFAULT false          -- see settleEducators
            ) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_status_revoked (award_id text PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_named_revoked (award_id text PRIMARY KEY) ON COMMIT DROP;
            """)
    }

    /// Awards a trusted status list revokes tonight, the last of the night's revocations; then
    /// every award anything names as revoked is noted for `revokedExpression`, which looks
    /// closely only at those.
    public func stage(statusRevoked: Set<String>) throws {
        if !statusRevoked.isEmpty {
            try connection.copyIn("COPY tonight_status_revoked (award_id) FROM STDIN",
                                  rows: statusRevoked.sorted().lazy.map { [$0] })
        }
        try noteNamedAsRevoked()
    }

    /// True for the award whose id is in `column` while it is waiting: it has no outcome yet,
    /// or one that is not final (`outcome_is_final`, sql/012).
    static func waiting(column: String) -> String {
        "NOT EXISTS (SELECT 1 FROM award_outcomes o WHERE o.award_id = \(column) AND outcome_is_final(o.outcome))"
    }

    /// Fills `tonight_named_revoked` from `namedAsRevoked`, once the night's revocations are known.
    func noteNamedAsRevoked() throws {
        try connection.execute(script: "INSERT INTO tonight_named_revoked \(Self.namedAsRevoked); ANALYZE tonight_named_revoked")
    }

    /// Every award not yet final, `batchSize` at a time, through a cursor; with `round`, only
    /// those `chooseChangedAwards` or `chooseWaitingAwardsOfTonightsEducators` chose in that round.
    /// Those are waiting awards, each insert into `tonight_candidates` filtering on its own
    /// (`waiting`, a waiting outcome, or `outcome_reads_standing_credits`), and no outcome
    /// changes before the night records them after its last round: their outcomes are not
    /// looked up again (for the 21,000 awards of a normal night's second round on the 1M ledger,
    /// that second probe cost 0.15 s).
    public func forEachAwardToEvaluate(round: Int? = nil, batchSize: Int = 5_000,
                                       _ body: ([StoredAward]) throws -> Void) throws {
        let awards = round == nil ? "awards a WHERE \(Self.waiting(column: "a.award_id"))"
            : "awards a JOIN tonight_candidates c ON c.award_id = a.award_id AND c.round = $1::integer"
        try connection.query(PostgresQuery(sql: """
            DECLARE waiting_awards NO SCROLL CURSOR FOR
            SELECT a.award_id, a.source, a.badge_id, a.badge_name, a.issuer_id, a.issuer_name, a.recipient_type,
                   a.recipient_identity, a.recipient_hashed, a.recipient_salt, a.award_date::text, \(Self.revokedExpression) AS revoked,
                   a.verification, a.invalid_detail
            FROM \(awards)
            """, parameters: round.map { [String($0)] } ?? []))
        defer { _ = try? connection.query("CLOSE waiting_awards") }
        while true {
            let rows = try connection.query(PostgresQuery(sql: "FETCH \(batchSize) FROM waiting_awards"))
            if rows.isEmpty { break }
            try body(try rows.map(Self.storedAward))
        }
    }

    static func storedAward(_ row: PostgresRow) throws -> StoredAward {
        var recipient: RecipientIdentity?
        if let identity = row["recipient_identity"] {
            recipient = RecipientIdentity(type: row["recipient_type"] ?? "email", identity: identity,
                                          hashed: row["recipient_hashed"] == "t", salt: row["recipient_salt"])
        }
        return StoredAward(awardID: try row.string("award_id"),
                           source: BadgeSource(rawValue: try row.string("source")) ?? .uploads,
                           badgeID: row["badge_id"], badgeName: row["badge_name"], issuerID: row["issuer_id"],
                           issuerName: row["issuer_name"], recipient: recipient,
                           awardDate: row["award_date"].flatMap { CalendarDate($0) },
                           revoked: try row.bool("revoked"), verification: try .stored(try row.string("verification"), awardID: try row.string("award_id")),
                           invalidDetail: row["invalid_detail"])
    }

    /// Sets matched awards aside for their educator's turn.
    public func stage(matched: [MatchedAward]) throws {
        guard !matched.isEmpty else { return }
        try connection.copyIn("""
            COPY tonight_matched (award_id, educator_id, badge_id, badge_name, issuer_id, issuer_name, award_date, revoked)
            FROM STDIN
            """, rows: matched.lazy.map { match in
                let facts = match.facts
                return [facts.awardID, match.educatorID, facts.badgeID, facts.badgeName, facts.issuerID, facts.issuerName,
                        facts.awardDate?.description, facts.isRevoked ? "t" : "f"]
            })
    }

    /// Tonight's decisions, staged until `finishEvaluation` makes them the awards' outcomes.
    /// `resolved` carries names that resolving references found tonight, to store on the award.
    public func stage(decisions: [Decision], resolved: [String: AwardFacts]) throws {
        guard !decisions.isEmpty else { return }
        try connection.copyIn("""
            COPY tonight_outcomes (award_id, outcome, reason, educator_id, hours, audit, badge_id, badge_name,
                                   issuer_id, issuer_name) FROM STDIN
            """, rows: decisions.lazy.map { decision in
                let facts = resolved[decision.awardID]
                return [decision.awardID, decision.outcome.rawValue, decision.reason, decision.educatorID,
                        decision.hours.description, decision.audit.jsonText, facts?.badgeID, facts?.badgeName, facts?.issuerID,
                        facts?.issuerName]
            })
    }

    /// The educators whose night must be evaluated: those with matched awards, and those with a
    /// credit still standing that a revocation or a district denial in force reverses. (A credit
    /// reversed on an earlier night no longer brings its educator back every night while the
    /// denial or revocation stands: with nothing standing and nothing matched, a night of theirs
    /// posts and decides nothing.)
    ///
    /// `deniedAmong`, on an incremental night, limits the denials looked at to those educators:
    /// the ones whose roster row, approvals or ledger changed since the last night
    /// (`Evaluation.chooseChangedAwards`). That night reversed every credit a denial then in
    /// force reached, for every educator on the roster; a denial in force tonight that was in
    /// force then has nothing standing left to reverse unless one of those changed. (Decisions
    /// changed or removed in place make the night evaluate everything: sql/023.) Looking at
    /// every denial in force cost the 1M-award normal night 45 ms.
    public func collectTonightsEducators(asOf: CalendarDate, deniedAmong educators: [String]? = nil) throws {
        let day = asOf.description
        try addMatchedEducators()
        // The few awards anything names as revoked (noted with the status lists), then their
        // credits by index: not a pass over the ledger joined to every award.
        try connection.query(PostgresQuery(sql: """
            INSERT INTO tonight_educators (educator_id)
            SELECT DISTINCT l.educator_id FROM tonight_named_revoked n JOIN ledger_entries l ON l.award_id = n.award_id
            JOIN awards a ON a.award_id = n.award_id
            WHERE l.kind = 'credit' AND \(Self.revokedExpression) AND \(Self.stillStanding(award: "l.award_id"))
            ON CONFLICT DO NOTHING
            """))
        // The engine's twin of this rule is ApprovalBook.denialReversing (postReversals).
        if educators?.isEmpty == true { return }
        try connection.query("""
            INSERT INTO tonight_educators (educator_id)
            SELECT DISTINCT d.educator_id FROM credits_denied_in_force(\(day)::date) d
            WHERE (\(educators == nil)::boolean OR d.educator_id = ANY(\(Array(Set(educators ?? [])))::text[]))
              AND \(unescaped: Self.stillStanding(award: "d.award_id"))
            ON CONFLICT DO NOTHING
            """)
    }

    /// Whether the award `award` (an SQL column) has hours standing in the ledger, looked up by
    /// its index: whoever holds them, so that no educator a reversal concerns is left out.
    static func stillStanding(award: String) -> String {
        "EXISTS (SELECT 1 FROM ledger_entries x WHERE x.award_id = \(award) HAVING \(netHours(of: "x")) > 0)"
    }

    /// Marks educators whose night a crediting pass settled: their decisions are staged, and
    /// their waiting awards are not chosen (`chooseWaitingAwardsOfTonightsEducators`).
    public func settleEducators(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try connection.query("UPDATE tonight_educators SET settled = true WHERE educator_id = ANY(\(ids))")
    }

    /// Settled educators that an award of round `round` matched: their night is no longer
    /// settled, and the decisions staged for them are withdrawn, to be made again with every
    /// award of theirs. Returns the outcomes withdrawn. (A waiting award is matched to the
    /// educator it was matched to before unless what matching reads changed, which chooses it
    /// in the first round; this keeps the night whole should that ever not hold.)
    public func reopenSettledEducators(matchedIn round: Int) throws -> [String] {
        try connection.query(PostgresQuery(sql: """
            WITH reopened AS (
                UPDATE tonight_educators e SET settled = false
                WHERE settled AND EXISTS (SELECT 1 FROM tonight_matched m JOIN tonight_candidates c USING (award_id)
                                          WHERE m.educator_id = e.educator_id AND c.round = $1::integer)
                RETURNING educator_id
            )
            DELETE FROM tonight_outcomes t USING tonight_matched m
            WHERE m.award_id = t.award_id AND m.educator_id IN (SELECT educator_id FROM reopened)
            RETURNING t.outcome
            """, parameters: [String(round)])).map { try $0.string("outcome") }
    }

    /// Adds the educators of the awards matched so far to tonight's educators. Those already
    /// there are left out by a join, not by `ON CONFLICT`: a speculative insert per row took
    /// 0.20–0.25 s for a backfill's 43,000 educators, the join 0.10 s (the table is the night's
    /// own, so no other session inserts in between).
    func addMatchedEducators() throws {
        try connection.query("""
            INSERT INTO tonight_educators (educator_id)
            SELECT DISTINCT m.educator_id FROM tonight_matched m
            WHERE NOT EXISTS (SELECT 1 FROM tonight_educators e WHERE e.educator_id = m.educator_id)
            """)
    }

    /// Each of tonight's educators (with `unsettledOnly`, those not settled) with their matched
    /// awards and standing credits, in educator order; `roster` finds the educator by id.
    public func forEachEducatorNight(roster: [String: Educator], unsettledOnly: Bool = false, batchSize: Int = 5_000,
                                     _ body: (EducatorNight) throws -> Void) throws {
        let tonights = unsettledOnly ? "SELECT educator_id FROM tonight_educators WHERE NOT settled"
                                     : "SELECT educator_id FROM tonight_educators"
        var awards = try OrderedStream(store: self, cursor: "tonight_awards", batchSize: batchSize, sql: """
            SELECT award_id, educator_id, badge_id, badge_name, issuer_id, issuer_name, award_date::text, revoked
            FROM tonight_matched \(unsettledOnly ? "WHERE educator_id IN (\(tonights))" : "")
            ORDER BY educator_id COLLATE "C"
            """)
        defer { awards.close() }
        var credits = try OrderedStream(store: self, cursor: "tonight_standing", batchSize: batchSize, sql: """
            WITH standing AS (
                SELECT award_id, educator_id, badge_id, issuer_id, award_date, credit_type, \(Self.netHours) AS net
                FROM ledger_entries
                WHERE educator_id IN (\(tonights))
                \(Self.standingGroups)
            )
            SELECT s.award_id, s.educator_id, s.badge_id, s.issuer_id, s.award_date::text, s.credit_type, s.net::text,
                   \(Self.revokedAmongNamed(column: "s.award_id")) AS revoked
            FROM standing s
            ORDER BY s.educator_id COLLATE "C"
            """)
        defer { credits.close() }
        let educators = try connection.query(PostgresQuery(sql: tonights + " ORDER BY educator_id COLLATE \"C\""))
        for row in educators {
            let id = try row.string("educator_id")
            let matched = try awards.take(educatorID: id)
            let standing = try credits.take(educatorID: id)
            guard let educator = roster[id] else { continue }
            var revoked = Set<String>()
            var facts: [AwardFacts] = []
            for award in matched {
                let awardID = try award.string("award_id")
                if award["revoked"] == "t" { revoked.insert(awardID) }
                facts.append(AwardFacts(awardID: awardID, badgeID: award["badge_id"], badgeName: award["badge_name"],
                                        issuerID: award["issuer_id"], issuerName: award["issuer_name"],
                                        awardDate: award["award_date"].flatMap { CalendarDate($0) },
                                        isRevoked: award["revoked"] == "t"))
            }
            var credited: [StandingCredit] = []
            for credit in standing {
                let standingCredit = try Self.standingCredit(credit)
                if credit["revoked"] == "t" { revoked.insert(standingCredit.awardID) }
                credited.append(standingCredit)
            }
            try body(EducatorNight(educator: educator, awards: facts, standing: credited, revokedAwardIDs: revoked))
        }
    }

    /// A changed outcome's `due_on` (sql/014): the award's own date when it is future-dated,
    /// looked up for those few only; the engine compared that same `award_date`.
    static let dueOn = """
        CASE WHEN t.outcome = 'future_dated' THEN (SELECT a.award_date FROM awards a WHERE a.award_id = t.award_id) END
        """

    /// How tonight's outcomes (`t`) meet the awards' current ones (`o`). Left to itself, the
    /// planner prefers one pass over a million current outcomes to 56,000 lookups by key, and
    /// hashed them all for a normal night (0.63–0.89 s; analysed, tonight's side hashed instead,
    /// 0.58 s); looked up by key they took about 0.4 s.
    enum CurrentOutcomesLookup: CaseIterable {
        /// Each of tonight's looked up by key (`OFFSET 0` keeps the planner from making the
        /// subquery a join again): about 7 µs each.
        case byKey
        /// The planner's join: one pass over every current outcome, about 0.7 s a million.
        case join

        /// What follows `tonight_outcomes t LEFT JOIN`.
        var sql: String {
            switch self {
            case .byKey: "LATERAL (SELECT * FROM award_outcomes o WHERE o.award_id = t.award_id OFFSET 0) o ON true"
            case .join: "award_outcomes o ON o.award_id = t.award_id"
            }
        }
    }

    /// By key when tonight's outcomes are fewer than a tenth of the current ones, as on a
    /// normal night: about where 7 µs a lookup meets 0.7 s a million for the join. A backfill
    /// or a new rules version, which evaluate most awards, join, as does a table never
    /// analysed (`reltuples` is -1 then).
    func currentOutcomesLookup() throws -> CurrentOutcomesLookup {
        let few = try connection.query("""
            SELECT (SELECT count(*) FROM tonight_outcomes) * 10
                   < (SELECT reltuples FROM pg_class WHERE oid = 'award_outcomes'::regclass) AS few
            """).first?.bool("few") ?? false
        return few ? .byKey : .join
    }

    /// Tonight's outcomes that are new or differ from the award's current one, beside what it
    /// was (`was_*`, NULL for an award without an outcome yet). Only these are written: an
    /// award still waiting for the same reason keeps its row (rewriting, or even locking, tens
    /// of thousands of unchanged outcomes every night would dominate a normal night).
    static func changedOutcomes(_ lookup: CurrentOutcomesLookup) -> String {
        """
        SELECT t.*, o.outcome AS was_outcome, o.reason AS was_reason, o.educator_id AS was_educator_id
        FROM tonight_outcomes t LEFT JOIN \(lookup.sql)
        WHERE o.award_id IS NULL OR o.outcome IS DISTINCT FROM t.outcome OR o.reason IS DISTINCT FROM t.reason
           OR o.educator_id IS DISTINCT FROM t.educator_id OR o.hours IS DISTINCT FROM t.hours
           OR o.audit IS DISTINCT FROM t.audit
        """
    }

    /// Makes tonight's staged decisions the awards' current outcomes, keeps every change in
    /// the history, and stores names that resolving references found.
    public func finishEvaluation(runID: Int64, on day: CalendarDate) throws {
        let evaluatedOn = day.description
        try connection.execute(script: """
            CREATE TEMP TABLE tonight_changed_outcomes ON COMMIT DROP AS \(Self.changedOutcomes(try currentOutcomesLookup()))
            """)
        try connection.query("""
            INSERT INTO outcome_history (award_id, run_id, outcome, reason, educator_id, evaluated_on)
            SELECT t.award_id, \(runID), t.outcome, t.reason, t.educator_id, \(evaluatedOn)::date
            FROM tonight_changed_outcomes t
            WHERE t.was_outcome IS DISTINCT FROM t.outcome OR t.was_reason IS DISTINCT FROM t.reason
               OR t.was_educator_id IS DISTINCT FROM t.educator_id
            """)
        // An award without an outcome yet (`was_outcome` is NULL: the column is NOT NULL) gets
        // one by a plain insert, the others are updated. An upsert of every row took 1.5 times
        // as long (100,000 first outcomes: 0.52–0.66 s against 0.35–0.39 s), and the night holds
        // the nightly lock, so no other writer gives an award its first outcome in between.
        try connection.query("""
            INSERT INTO award_outcomes (award_id, outcome, reason, educator_id, hours, audit, run_id, evaluated_on, due_on)
            SELECT award_id, outcome, reason, educator_id, hours, audit, \(runID), \(evaluatedOn)::date, \(unescaped: Self.dueOn)
            FROM tonight_changed_outcomes t WHERE was_outcome IS NULL
            """)
        try connection.query("""
            UPDATE award_outcomes o SET
                outcome = t.outcome, reason = t.reason, educator_id = t.educator_id, hours = t.hours, audit = t.audit,
                run_id = \(runID), evaluated_on = \(evaluatedOn)::date, due_on = \(unescaped: Self.dueOn)
            FROM tonight_changed_outcomes t
            WHERE t.award_id = o.award_id AND t.was_outcome IS NOT NULL
            """)
        try connection.query("""
            UPDATE awards a SET badge_name = coalesce(t.badge_name, a.badge_name),
                                issuer_id = coalesce(t.issuer_id, a.issuer_id),
                                issuer_name = coalesce(t.issuer_name, a.issuer_name)
            FROM tonight_outcomes t
            WHERE t.award_id = a.award_id
              AND (t.badge_name IS NOT NULL OR t.issuer_id IS NOT NULL OR t.issuer_name IS NOT NULL)
            """)
    }
}

/// Rows of a query sorted by `educator_id COLLATE "C"`, read through a cursor and handed out one
/// educator at a time (a merge join between two sorted streams).
///
/// Both sides of the merge use one order, the bytes of the UTF-8 text: the server's under
/// `COLLATE "C"` and Swift's through `utf8`. The database's own collation (ICU `en-US`, say)
/// would sort `x0040100` before `Y0040137` where bytes put it after, and the merge would then
/// pass educators by without their awards.
struct OrderedStream {
    let store: Store
    let cursor: String
    let batchSize: Int
    private var buffer: [PostgresRow] = []
    private var position = 0
    private var exhausted = false

    init(store: Store, cursor: String, batchSize: Int, sql: String) throws {
        self.store = store
        self.cursor = cursor
        self.batchSize = batchSize
        try store.connection.query(PostgresQuery(sql: "DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)"))
    }

    /// The rows for `educatorID`, which must come in ascending order across calls.
    mutating func take(educatorID: String) throws -> [PostgresRow] {
        var taken: [PostgresRow] = []
        while true {
            if position == buffer.count {
                guard !exhausted else { return taken }
                buffer = Array(try store.connection.query(PostgresQuery(sql: "FETCH \(batchSize) FROM \(cursor)")))
                position = 0
                if buffer.isEmpty { exhausted = true; return taken }
            }
            let row = buffer[position]
            let id = (row["educator_id"] ?? "").utf8
            // Rows of an educator not on tonight's list cannot occur; skip any to stay in step.
            if id.lexicographicallyPrecedes(educatorID.utf8) { position += 1; continue }
            guard id.elementsEqual(educatorID.utf8) else { return taken }
            taken.append(row)
            position += 1
        }
    }

    func close() {
        _ = try? store.connection.query(PostgresQuery(sql: "CLOSE \(cursor)"))
    }
}
