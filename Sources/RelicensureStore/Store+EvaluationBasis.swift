public import OpenBadges
import Postgres
import Relicensure

/// What the last committed night evaluated against (sql/004): its as-of date, its
/// configuration, and how far it had read the ledger and the approvals.
public struct EvaluationBasis: Sendable, Equatable {
    public var runID: Int64
    public var asOf: CalendarDate
    /// The configuration's checksum and the engine's rules version (`EvaluationScope.rulesKey`).
    public var rulesKey: String
    /// The last ledger entry the night knew of: later ones (corrections) change their educators' room.
    public var ledgerThrough: Int64
    /// The last approval decision the night read.
    public var approvalsThrough: Int64
    /// The roster's revision the night read (sql/021), `nil` if it did not record one.
    public var rosterRevision: Int64?
    /// How often approval decisions had been changed or removed in place (sql/023), `nil` if
    /// the night did not record it.
    public var approvalsRewritten: Int64?

    public init(runID: Int64, asOf: CalendarDate, rulesKey: String, ledgerThrough: Int64, approvalsThrough: Int64,
                rosterRevision: Int64? = nil, approvalsRewritten: Int64? = nil) {
        self.runID = runID
        self.asOf = asOf
        self.rulesKey = rulesKey
        self.ledgerThrough = ledgerThrough
        self.approvalsThrough = approvalsThrough
        self.rosterRevision = rosterRevision
        self.approvalsRewritten = approvalsRewritten
    }
}

/// An educator as a night's evaluation read them: what crediting depends on, and their addresses.
public struct EvaluatedEducator: Sendable, Equatable {
    public var fingerprint: String
    public var emails: [String]
    public var active: Bool

    public init(fingerprint: String, emails: [String], active: Bool) {
        self.fingerprint = fingerprint
        self.emails = emails
        self.active = active
    }
}

/// The waiting awards a night evaluates again when it does not evaluate them all: those whose
/// inputs changed since the basis (SPEC §5 "Every night again" made incremental, issue 8).
public struct EvaluationChanges: Sendable {
    /// Tonight's as-of date: a future-dated award whose day has come is evaluated again.
    public var asOf: CalendarDate
    /// Educators whose roster row, addresses, approvals or ledger changed.
    public var educatorIDs: [String]
    /// Plain identities (trimmed, lower-cased) of addresses added or removed.
    public var plainIdentities: [String]
    /// Hashed identities (`algorithm$hex`) with their salt (empty for none) that an added or
    /// removed address hashes to.
    public var hashedIdentities: [(identity: String, salt: String)]
    /// Instead of the identities: every award that matched no one, several, or an inactive
    /// educator (the caller adds the educators who share a changed address), for when hashing
    /// every changed address with every stored salt would cost more.
    public var everyUnmatched: Bool

    public init(asOf: CalendarDate, educatorIDs: [String], plainIdentities: [String] = [],
                hashedIdentities: [(identity: String, salt: String)] = [], everyUnmatched: Bool = false) {
        self.asOf = asOf
        self.everyUnmatched = everyUnmatched
        self.educatorIDs = educatorIDs
        self.plainIdentities = plainIdentities
        self.hashedIdentities = hashedIdentities
    }
}

extension Store {
    /// Holds the roster and the approvals still until tonight's transaction ends: an import
    /// started meanwhile waits, so the night reads them whole and records exactly what it read
    /// (the next night evaluates again only for what came after).
    public func holdCreditingInputs() throws {
        try connection.execute(script: "LOCK TABLE educators, educator_emails, approvals IN SHARE MODE")
    }

    /// The basis the last committed night recorded, `nil` before the first.
    public func evaluationBasis() throws -> EvaluationBasis? {
        guard let row = try connection.query("""
            SELECT run_id, as_of::text, rules_key, ledger_through, approvals_through, roster_revision, approvals_rewritten
            FROM evaluation_basis
            """).first else { return nil }
        guard let asOf = CalendarDate(try row.string("as_of")) else { throw StoreError("the evaluation basis has an unreadable date") }
        return EvaluationBasis(runID: try row.int64("run_id"), asOf: asOf, rulesKey: try row.string("rules_key"),
                               ledgerThrough: try row.int64("ledger_through"),
                               approvalsThrough: try row.int64("approvals_through"),
                               rosterRevision: try row["roster_revision"].map { _ in try row.int64("roster_revision") },
                               approvalsRewritten: try row["approvals_rewritten"].map { _ in try row.int64("approvals_rewritten") })
    }

    /// The roster's revision (sql/021): it moves whenever a row of the roster is written. Read
    /// it under `holdCreditingInputs`, so that it names the roster the night reads: the lock
    /// waited for every session writing the roster to end, and holds off any other.
    public func rosterRevision() throws -> Int64 {
        try counter("roster_revision", named: "the roster revision")
    }

    /// How often approval decisions were changed or removed in place (sql/023), read under
    /// `holdCreditingInputs` so that it counts what the night reads.
    public func approvalsRewritten() throws -> Int64 {
        try counter("approvals_rewritten", named: "the approvals' rewrite counter")
    }

    private func counter(_ sequence: String, named name: String) throws -> Int64 {
        guard let row = try connection.query("SELECT last_value FROM \(unescaped: sequence)").first else {
            throw StoreError("\(name) is missing: run `relicensure migrate`")
        }
        return try row.int64("last_value")
    }

    /// Each educator's fingerprint as the last night read it, by id: enough to tell who changed.
    /// Their addresses are read only for those (`evaluatedEducators(ids:)`): decoding every
    /// educator's stored addresses took 0.13 s of a normal night over 50,000 educators.
    public func evaluatedFingerprints() throws -> [String: String] {
        let rows = try connection.query("SELECT educator_id, fingerprint FROM evaluated_educators")
        var fingerprints: [String: String] = [:]
        fingerprints.reserveCapacity(rows.count)
        for row in rows { fingerprints[try row.string(0)] = try row.string(1) }
        return fingerprints
    }

    /// The educators of `ids` as the last night read them, by id; those it did not read are absent.
    public func evaluatedEducators(ids: [String]) throws -> [String: EvaluatedEducator] {
        guard !ids.isEmpty else { return [:] }
        var educators: [String: EvaluatedEducator] = [:]
        for row in try connection.query("""
            SELECT educator_id, fingerprint, emails, active FROM evaluated_educators WHERE educator_id = ANY(\(ids))
            """) {
            educators[try row.string("educator_id")] = EvaluatedEducator(
                fingerprint: try row.string("fingerprint"), emails: try Self.strings(fromJSON: try row.string("emails")),
                active: try row.bool("active"))
        }
        return educators
    }

    /// Educators with ledger entries after `entryID`: posted by a correction since the basis.
    public func educatorsPosted(after entryID: Int64) throws -> [String] {
        try connection.query("SELECT DISTINCT educator_id FROM ledger_entries WHERE entry_id > \(entryID)")
            .map { try $0.string("educator_id") }
    }

    /// Every distinct (algorithm, salt) of hashed recipients, salt empty when there is none: a
    /// changed address is hashed once per pair, not once per award.
    public func recipientSalts() throws -> [(algorithm: String, salt: String)] {
        try connection.query("""
            SELECT DISTINCT lower(split_part(recipient_identity, '$', 1)) AS algorithm, coalesce(recipient_salt, '') AS salt
            FROM awards WHERE recipient_hashed
            """).map { (try $0.string("algorithm"), try $0.string("salt")) }
    }

    /// Chooses tonight's awards when only changed inputs are evaluated again: awards a file
    /// delivered or a verdict changed tonight, the waiting awards of `changes.educatorIDs`, those
    /// whose recipient names a changed address, those a revocation or status list names, those
    /// that resolve names through the catalog, every award waiting for a catalog document or a
    /// verification, or whose award date has come, and credits a denial reversed. Returns how
    /// many were chosen.
    ///
    /// Only waiting awards become candidates, whatever chose them (an outcome read as waiting,
    /// or an award kept by `waiting`): the cursor of a round (`forEachAwardToEvaluate`) reads
    /// the candidates without asking again.
    @discardableResult
    public func chooseChangedAwards(_ changes: EvaluationChanges) throws -> Int {
        try connection.execute(script: """
            CREATE TEMP TABLE tonight_candidates (award_id text PRIMARY KEY, round integer NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_changed_educators (educator_id text PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE tonight_changed_identities (identity text, salt text) ON COMMIT DROP;
            """)
        try connection.copyIn("COPY tonight_changed_educators (educator_id) FROM STDIN",
                              rows: Set(changes.educatorIDs).sorted().lazy.map { [$0] })
        try connection.copyIn("COPY tonight_changed_identities (identity, salt) FROM STDIN",
                              rows: changes.plainIdentities.lazy.map { [$0, nil] }
                                  + changes.hashedIdentities.lazy.map { [$0.identity, $0.salt] })
        try connection.execute(script: "ANALYZE tonight_changed_educators; ANALYZE tonight_changed_identities")
        // Awards chosen by their outcome, which each source reads as waiting already…
        var waitingOutcomes = [
            "SELECT award_id FROM award_outcomes WHERE outcome IN ('unresolved_reference', 'unverified')",
            """
            SELECT o.award_id FROM award_outcomes o JOIN tonight_changed_educators USING (educator_id)
            WHERE NOT outcome_is_final(o.outcome)
            """,
            // A credit the district's denial reversed went back to its educator unmatched; a full
            // evaluation matches it the night after, as a waiting award, and so does this. (Both
            // are the engine's fixed words, never a user's.)
            """
            SELECT award_id FROM award_outcomes
            WHERE outcome = '\(Outcome.deniedByDistrict.rawValue)' AND reason = '\(Decision.deniedAfterCredit)'
            """,
        ]
        if changes.everyUnmatched {
            waitingOutcomes.append("""
                SELECT award_id FROM award_outcomes
                WHERE outcome IN ('unmatched_recipient', 'ambiguous_recipient', 'inactive_educator')
                """)
        }
        // …and awards chosen for what they are, kept only while waiting (`waiting`).
        var awards = [
            "SELECT award_id FROM tonight_delivered",
            // Noted by `stage(statusRevoked:)` just before; not asked of the awards again.
            "SELECT award_id FROM tonight_named_revoked",
            "SELECT award_id FROM awards WHERE issuer_id IS NULL OR badge_name IS NULL OR issuer_name IS NULL",
        ]
        if !changes.plainIdentities.isEmpty || !changes.hashedIdentities.isEmpty {
            // Over-approximate on purpose: a plain identity equal to an address is chosen
            // whatever its salt; the engine decides whether it matches.
            // PostgreSQL's lower() in the C locale folds ASCII only, while the engine folds
            // every letter: plain identities with other characters are all chosen.
            awards.append("""
                SELECT award_id FROM awards WHERE NOT coalesce(recipient_hashed, false) AND recipient_identity ~ '[^[:ascii:]]'
                """)
            awards.append("""
                SELECT a.award_id FROM awards a JOIN tonight_changed_identities i
                    ON normalised_address(a.recipient_identity) = i.identity
                   AND (i.salt IS NULL OR (a.recipient_hashed AND coalesce(a.recipient_salt, '') = i.salt))
                """)
        }
        // A future-dated award's day is its own typed `award_date`, the date the engine compared,
        // kept on the outcome as `due_on` (sql/014) so that the awards are not read to find it;
        // the outcome's detail repeats it for people to read, and is not parsed back.
        var chosen = try connection.query("""
            INSERT INTO tonight_candidates (award_id, round)
            SELECT award_id, 1 FROM award_outcomes
            WHERE outcome = 'future_dated' AND due_on <= \(changes.asOf.description)::date
            ON CONFLICT DO NOTHING
            """).affectedRows
        // A source may name an award twice, or one chosen by an earlier source.
        for (source, guarded) in waitingOutcomes.map({ ($0, false) }) + awards.map({ ($0, true) }) {
            chosen += try connection.query(PostgresQuery(sql: """
                INSERT INTO tonight_candidates (award_id, round) SELECT award_id, 1 FROM (\(source)) s
                \(guarded ? "WHERE " + Self.waiting(column: "s.award_id") : "")
                ON CONFLICT DO NOTHING
                """)).affectedRows
        }
        return chosen
    }

    /// Adds as round `round` the waiting awards of tonight's educators not settled and not yet
    /// chosen whose outcome reads the educator's standing credits (`Outcome.readsStandingCredits`):
    /// an educator whose credits change tonight has those evaluated together, in award-date
    /// order, as a full evaluation would; the others read nothing tonight changes. Returns how
    /// many were added.
    ///
    /// Only educators not looked up before are (new since the last round, or reopened): an
    /// educator's waiting awards do not change before the night records its outcomes, so those
    /// of an educator looked up in an earlier round are all chosen already (asking again cost
    /// 0.2 s a round on the 1M ledger).
    /// Each award comes once (one outcome, one educator), so a plain anti-join keeps out those
    /// chosen before: `ON CONFLICT DO NOTHING` took 134 ms for 21,000 awards, this 75 ms.
    public func chooseWaitingAwardsOfTonightsEducators(round: Int) throws -> Int {
        try addMatchedEducators()
        return try connection.query(PostgresQuery(sql: """
            WITH met AS (
                UPDATE tonight_educators SET waiting_chosen = true WHERE NOT waiting_chosen AND NOT settled
                RETURNING educator_id
            )
            INSERT INTO tonight_candidates (award_id, round)
            SELECT o.award_id, $1::integer FROM award_outcomes o JOIN met USING (educator_id)
            WHERE outcome_reads_standing_credits(o.outcome)
              AND NOT EXISTS (SELECT 1 FROM tonight_candidates c WHERE c.award_id = o.award_id)
            """, parameters: [String(round)])).affectedRows
    }

    /// Records what tonight evaluated against, for the next night: the as-of date, the
    /// configuration, the ledger as it stands after tonight's postings, the approvals read, and
    /// the educators whose reading changed (`removed` ones are gone from the roster).
    public func recordEvaluationBasis(runID: Int64, asOf: CalendarDate, rulesKey: String, approvalsThrough: Int64,
                                      rosterRevision: Int64, approvalsRewritten: Int64,
                                      changed: [String: EvaluatedEducator], removed: [String]) throws {
        try connection.query(PostgresQuery(sql: """
            INSERT INTO evaluation_basis (run_id, as_of, rules_key, ledger_through, approvals_through, roster_revision,
                                          approvals_rewritten)
            SELECT $1::bigint, $2::date, $3, coalesce((SELECT max(entry_id) FROM ledger_entries), 0), $4::bigint, $5::bigint,
                   $6::bigint
            ON CONFLICT (singleton) DO UPDATE SET
                run_id = EXCLUDED.run_id, as_of = EXCLUDED.as_of, rules_key = EXCLUDED.rules_key,
                ledger_through = EXCLUDED.ledger_through, approvals_through = EXCLUDED.approvals_through,
                roster_revision = EXCLUDED.roster_revision, approvals_rewritten = EXCLUDED.approvals_rewritten
            """, parameters: [String(runID), asOf.description, rulesKey, String(approvalsThrough), String(rosterRevision),
                             String(approvalsRewritten)]))
        if !removed.isEmpty {
            try connection.query("DELETE FROM evaluated_educators WHERE educator_id = ANY(\(removed))")
        }
        guard !changed.isEmpty else { return }
        try connection.execute(script: """
            CREATE TEMP TABLE tonight_evaluated_educators (LIKE evaluated_educators) ON COMMIT DROP
            """)
        try connection.copyIn("COPY tonight_evaluated_educators (educator_id, fingerprint, emails, active) FROM STDIN",
                              rows: changed.sorted { $0.key < $1.key }.map { id, educator in
                                  [id, educator.fingerprint, Self.json(educator.emails), educator.active ? "t" : "f"]
                              })
        try connection.query("""
            INSERT INTO evaluated_educators SELECT * FROM tonight_evaluated_educators
            ON CONFLICT (educator_id) DO UPDATE SET
                fingerprint = EXCLUDED.fingerprint, emails = EXCLUDED.emails, active = EXCLUDED.active
            """)
        try connection.query("DROP TABLE tonight_evaluated_educators")
    }
}
