#!/usr/bin/env python3
"""The relicensure nightly job written the straightforward way, for comparison (issue 8).

    nightly.py --config SCENARIO/relicensure.yaml --roster SCENARIO/roster.csv \
               --approvals SCENARIO/approvals.csv --as-of 2026-11-20 [--reports DIR] [--dsn DSN]

One process does what `relicensure migrate`, `roster import`, `approvals import` and a first
`nightly` do together, the way a competent developer would first write it, with no performance
tricks: create the sf_* tables of schema.sql afresh, read the roster and the approvals with the
csv module, read every file of the inbox into memory, parse it with json, evaluate every award
in award-date order (ties by award id) under the crediting rules of SPEC §5, then write awards,
outcomes and ledger entries into PostgreSQL by COPY (psycopg 3, one transaction) and the PDMS
import CSV into REPORTS/pdms/. The database comes from --dsn, else $DATABASE_URL, else libpq's
PG* variables. It prints the outcome counts in the Swift job's format, and each phase's time on
stderr.

Recipient matching: plain identities by a dict of trimmed, lower-cased roster e-mails. Hashed
identities (`sha256$hex` / `md5$hex` of e-mail + salt) are looked up in a dict of every roster
e-mail hashed with that algorithm and salt, built the first time an (algorithm, salt) pair is
met and kept for the run (so roster e-mails × distinct salts hashes, not × awards): hashing
every roster e-mail for every award would take about 18 minutes at 100,000 awards and 3 hours
at 1,000,000, and a competent developer writes the per-salt dict at the first try.

What it simplifies against SPEC §3–§6 (enough for what Benchmarks/generate-scenario.py writes):
- Only a first night on an empty database: no "seen before" files from earlier nights, no
  re-evaluation of waiting awards, no standing credits, hence no reversals, no corrections,
  no PDMS re-export; the roster import is a fresh load (no --full / upsert history).
- Inbox only: no `uploads`, hence no signature or hosted verification (`unverified` never
  happens) and no fetching.
- Formats: OB 2.0 assertions, Issuer/Profile and BadgeClass documents (standalone or embedded)
  in .json, .jsonl/.ndjson and baked PNG (iTXt/tEXt `openbadges`). Not read: OB 3.0
  credentials, legacy 0.5/1.0 shapes, SVG, JWT/JWS, RevocationLists and status lists, hosted
  (URL-only) baked badges; those are `invalid` (`unsupported_format`) or skipped by extension.
  Revocation is only `revoked: true` on an assertion or on a later document with the same id.
- The recipient's `type` is not looked at: every identity is compared with roster e-mails.
- The configuration is read with yaml.safe_load without the product's checks (unknown keys,
  FILE:LINE errors, overlapping rule windows); roster and approvals rows with a missing required
  value or a bad date are skipped with a log line, and nothing else is validated.
- No run lock, no run statistics beyond one sf_runs row, no monthly workbook or reports other
  than the PDMS file; logs are plain lines on stderr.
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import struct
import sys
import time
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

import psycopg
import yaml

DEFAULT_PDMS_COLUMNS = ["educator_id", "last_name", "first_name", "district_code", "activity_title", "provider",
                        "completion_date", "clock_hours", "credential_id", "credit_type", "action"]
AWARD_EXTENSIONS = {".json", ".jsonl", ".ndjson", ".png"}


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- configuration

@dataclass
class IssuerRule:
    issuer_id: str
    name: str
    hours: Decimal
    badges: dict
    approval: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    cap: Decimal | None


@dataclass
class District:
    code: str
    name: str
    external_cap: Decimal | None
    rules: list


@dataclass
class Config:
    folder: str
    inbox: str
    reports: str
    time_zone: ZoneInfo
    required_hours: Decimal
    micro_credential_cap: Decimal | None
    ddoe_hours: Decimal
    ddoe_issuers: set
    districts: dict
    pdms_columns: list


def to_date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def to_hours(value):
    if value is None or value == "":
        return None
    return Decimal(str(value))


def load_config(path, reports_override):
    with open(path) as f:
        raw = yaml.safe_load(f) or {}
    folder = os.path.dirname(os.path.abspath(path))
    state = raw.get("state") or {}
    ddoe = raw.get("ddoe") or {}
    districts = {}
    for d in raw.get("districts") or []:
        rules = []
        for r in d.get("issuers") or []:
            rules.append(IssuerRule(
                issuer_id=r["id"], name=r.get("name", ""), hours=to_hours(r["hours"]),
                badges={badge: to_hours(hours) for badge, hours in (r.get("badges") or {}).items()},
                approval=r.get("approval", "per-educator"),
                valid_from=to_date(r.get("from")), valid_until=to_date(r.get("until")), cap=to_hours(r.get("cap"))))
        districts[str(d["code"])] = District(code=str(d["code"]), name=d.get("name", ""),
                                             external_cap=to_hours(d.get("external_cap")), rules=rules)
    pdms = raw.get("pdms") or {}
    reports = reports_override or os.path.join(folder, raw["reports"])
    return Config(
        folder=folder, inbox=os.path.normpath(os.path.join(folder, raw["inbox"])), reports=reports,
        time_zone=ZoneInfo(state.get("time_zone", "America/New_York")),
        required_hours=to_hours(state.get("required_hours", 90)),
        micro_credential_cap=to_hours(state.get("micro_credential_cap")),
        ddoe_hours=to_hours(ddoe.get("hours_per_credential", 10)),
        ddoe_issuers=set(ddoe["issuers"]), districts=districts,
        pdms_columns=list(pdms.get("columns") or DEFAULT_PDMS_COLUMNS))


# ---------------------------------------------------------------- roster and approvals

@dataclass
class Educator:
    educator_id: str
    first_name: str
    last_name: str
    email: str
    other_emails: list
    district_code: str
    school_code: str
    school_name: str
    license_type: str
    license_start: datetime.date | None
    license_end: datetime.date | None
    status: str

    def emails(self):
        return [self.email] + self.other_emails


def read_csv_rows(path):
    """Yields (line number, row with lower-cased column names); the header is line 1."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
        for row in reader:
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items() if key is not None}


def read_roster(path):
    educators = {}
    skipped = 0
    for line, row in read_csv_rows(path):
        try:
            for column in ("educator_id", "first_name", "last_name", "email", "district_code"):
                if not row.get(column):
                    raise ValueError(f"missing {column}")
            status = row.get("status") or "active"
            if status not in ("active", "inactive"):
                raise ValueError(f"bad status {status!r}")
            educator = Educator(
                educator_id=row["educator_id"], first_name=row["first_name"], last_name=row["last_name"],
                email=row["email"],
                other_emails=[e.strip() for e in row.get("other_emails", "").split(";") if e.strip()],
                district_code=row["district_code"], school_code=row.get("school_code", ""),
                school_name=row.get("school_name", ""), license_type=row.get("license_type", ""),
                license_start=to_date(row.get("license_start")), license_end=to_date(row.get("license_end")),
                status=status)
        except ValueError as error:
            log(f"roster line {line}: {error}; skipped")
            skipped += 1
            continue
        educators[educator.educator_id] = educator
    return educators, skipped


@dataclass
class Approval:
    educator_id: str
    badge_id: str
    decision: str
    hours: Decimal | None
    decided_by: str
    decided_on: datetime.date
    note: str


def read_approvals(path):
    approvals = []
    for line, row in read_csv_rows(path):
        try:
            if not row.get("educator_id") or not row.get("badge_id") or not row.get("decided_on"):
                raise ValueError("missing educator_id, badge_id or decided_on")
            if row.get("decision") not in ("approved", "denied"):
                raise ValueError(f"bad decision {row.get('decision')!r}")
            approval = Approval(
                educator_id=row["educator_id"], badge_id=row["badge_id"], decision=row["decision"],
                hours=to_hours(row.get("hours")), decided_by=row.get("decided_by", ""),
                decided_on=to_date(row["decided_on"]), note=row.get("note", ""))
        except (ValueError, ArithmeticError) as error:
            log(f"approvals line {line}: {error}; skipped")
            continue
        approvals.append(approval)
    return approvals


def decisions_in_force(approvals, as_of):
    """(educator_id, badge_id) -> the decision in force: latest decided_on, on a tie the later row."""
    latest = {}
    for approval in approvals:
        if approval.decided_on > as_of:
            continue
        key = (approval.educator_id, approval.badge_id)
        if key not in latest or approval.decided_on >= latest[key].decided_on:
            latest[key] = approval
    return latest


# ---------------------------------------------------------------- reading the inbox

@dataclass
class Award:
    award_id: str
    source_path: str
    source_line: int | None
    text: str | None = None
    badge_id: str | None = None
    issuer_id: str | None = None
    recipient_identity: str | None = None
    recipient_hashed: bool = False
    recipient_salt: str | None = None
    issued_on: str | None = None
    award_date: datetime.date | None = None
    revoked: bool = False
    invalid_detail: str | None = None
    badge_name: str | None = None
    issuer_name: str | None = None


@dataclass
class Inbox:
    files: list = field(default_factory=list)       # (sha256, path, items)
    catalog: dict = field(default_factory=dict)     # id -> (type, document)
    awards: dict = field(default_factory=dict)      # award id -> Award
    skipped_files: int = 0


def baked_png_text(data):
    """The text of a PNG's iTXt / tEXt chunk with keyword openbadges or openbadgecredential."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"tEXt":
            keyword, _, text = body.partition(b"\x00")
            if keyword in (b"openbadges", b"openbadgecredential"):
                return text.decode("latin-1")
        elif kind == b"iTXt":
            keyword, _, rest = body.partition(b"\x00")
            if keyword in (b"openbadges", b"openbadgecredential"):
                compressed, _method = rest[0], rest[1]
                _language, _, rest = rest[2:].partition(b"\x00")
                _translated, _, text = rest.partition(b"\x00")
                if compressed:
                    text = zlib.decompress(text)
                return text.decode("utf-8")
        elif kind == b"IEND":
            break
    return None


def parse_award_date(value, time_zone):
    """OB 2.0 issuedOn as a calendar date in the state's time zone (SPEC §4.3)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, tz=datetime.timezone.utc).astimezone(time_zone).date()
    text = str(value).strip()
    if len(text) == 10:
        return datetime.date.fromisoformat(text)
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(time_zone).date()


def add_catalog(inbox, document):
    """Issuer / BadgeClass documents (standalone or embedded) by id; the first one read stands."""
    doc_id = document.get("id")
    if isinstance(doc_id, str) and doc_id not in inbox.catalog:
        inbox.catalog[doc_id] = (document.get("type"), document)


def read_document(inbox, text, path, line, time_zone):
    """One JSON document of the inbox: a catalog document, or an award (possibly invalid)."""
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    if not isinstance(document, dict):
        add_award(inbox, Award(award_id="sha256:" + hashlib.sha256(text.encode()).hexdigest(),
                               source_path=path, source_line=line, invalid_detail="malformed_json"))
        return
    kind = document.get("type")
    if kind in ("Issuer", "Profile", "BadgeClass"):
        add_catalog(inbox, document)
        return
    award_id = document.get("id") or "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    award = Award(award_id=award_id, source_path=path, source_line=line, text=text,
                  revoked=document.get("revoked") is True)
    if set(document) <= {"id", "revoked", "revocationReason", "@context", "type"} and award.revoked:
        add_award(inbox, award)            # a revocation-only document {id, revoked: true}
        return
    if kind not in ("Assertion", None) or "recipient" not in document and "badge" not in document:
        award.invalid_detail = "unsupported_format"
        add_award(inbox, award)
        return
    try:
        recipient = document.get("recipient")
        if not isinstance(recipient, dict) or "identity" not in recipient:
            raise KeyError("recipient")
        award.recipient_identity = str(recipient["identity"])
        award.recipient_hashed = recipient.get("hashed") is True
        award.recipient_salt = recipient.get("salt")
        badge = document["badge"]
        if isinstance(badge, dict):
            add_catalog(inbox, badge)
            if isinstance(badge.get("issuer"), dict):
                add_catalog(inbox, badge["issuer"])
            badge = badge.get("id")
        if not isinstance(badge, str):
            raise KeyError("badge")
        award.badge_id = badge
        if "issuedOn" not in document:
            raise KeyError("issuedOn")
        award.issued_on = str(document["issuedOn"])
        try:
            award.award_date = parse_award_date(document["issuedOn"], time_zone)
        except (ValueError, OverflowError, OSError):
            award.invalid_detail = "bad_date"
    except KeyError as missing:
        award.invalid_detail = f"missing_field:{missing.args[0]}"
    add_award(inbox, award)


def add_award(inbox, award):
    """A later document with the same id changes nothing, unless it says revoked: true."""
    earlier = inbox.awards.get(award.award_id)
    if earlier is None:
        inbox.awards[award.award_id] = award
    elif award.revoked:
        earlier.revoked = True


def read_inbox(folder, time_zone):
    inbox = Inbox()
    seen = set()
    paths = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            paths.append(os.path.join(root, name))
    for path in sorted(paths):
        extension = os.path.splitext(path)[1].lower()
        if extension not in AWARD_EXTENSIONS:
            log(f"skipped {path}: not an award file")
            inbox.skipped_files += 1
            continue
        with open(path, "rb") as f:
            data = f.read()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        before = len(inbox.awards) + len(inbox.catalog)
        relative = os.path.relpath(path, folder)
        if extension in (".jsonl", ".ndjson"):
            for number, line in enumerate(data.split(b"\n"), start=1):
                if line.strip():
                    read_document(inbox, line.decode("utf-8", errors="replace"), relative, number, time_zone)
        elif extension == ".json":
            read_document(inbox, data.decode("utf-8", errors="replace"), relative, None, time_zone)
        else:
            text = baked_png_text(data)
            if text is None:
                add_award(inbox, Award(award_id="sha256:" + digest, source_path=relative, source_line=None,
                                       invalid_detail="no_badge_data"))
            elif text.lstrip().startswith("{"):
                read_document(inbox, text, relative, None, time_zone)
            else:  # a hosted URL or a signed token: not read by this implementation
                add_award(inbox, Award(award_id="sha256:" + hashlib.sha256(text.encode()).hexdigest(),
                                       source_path=relative, source_line=None, invalid_detail="unsupported_format"))
        inbox.files.append((digest, relative, len(inbox.awards) + len(inbox.catalog) - before))
    return inbox


# ---------------------------------------------------------------- crediting (SPEC §5)

@dataclass
class Outcome:
    award_id: str
    outcome: str
    reason: str = ""
    educator_id: str | None = None
    hours: Decimal = Decimal(0)


@dataclass
class LedgerEntry:
    award: Award
    educator: Educator
    hours: Decimal
    credit_type: str
    reason: str


@dataclass
class EducatorTotals:
    """Hours credited to one educator in their current term, tonight (a first night)."""
    total: Decimal = Decimal(0)
    external: Decimal = Decimal(0)
    by_issuer: dict = field(default_factory=dict)
    badges: set = field(default_factory=set)


class RecipientMatcher:
    def __init__(self, educators):
        self.educators = educators
        self.plain = {}
        for educator in educators.values():
            for email in educator.emails():
                self.plain.setdefault(email.strip().lower(), set()).add(educator.educator_id)
        self.hashed = {}   # (algorithm, salt) -> {hex digest: {educator ids}}

    def hash_table(self, algorithm, salt):
        key = (algorithm, salt)
        if key not in self.hashed:
            table = {}
            for educator in self.educators.values():
                for email in educator.emails():
                    for variant in {email, email.strip().lower()}:
                        digest = hashlib.new(algorithm, (variant + salt).encode()).hexdigest()
                        table.setdefault(digest, set()).add(educator.educator_id)
            self.hashed[key] = table
        return self.hashed[key]

    def match(self, award):
        identity = award.recipient_identity.strip()
        if award.recipient_hashed or identity.lower().startswith(("sha256$", "md5$")):
            algorithm, _, hex_digest = identity.partition("$")
            algorithm = algorithm.lower()
            if algorithm not in ("sha256", "md5"):
                return set()
            return self.hash_table(algorithm, award.recipient_salt or "").get(hex_digest.lower(), set())
        return self.plain.get(identity.lower(), set())


def evaluate(inbox, educators, decisions, config, as_of):
    outcomes = []
    ledger = []
    matcher = RecipientMatcher(educators)
    totals = {}

    for award in inbox.awards.values():
        badge = inbox.catalog.get(award.badge_id) if award.badge_id else None
        if badge is not None:
            award.badge_name = badge[1].get("name")
            issuer = badge[1].get("issuer")
            award.issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
            profile = inbox.catalog.get(award.issuer_id)
            award.issuer_name = profile[1].get("name") if profile else None

    undated = datetime.date.min
    for award in sorted(inbox.awards.values(), key=lambda a: (a.award_date or undated, a.award_id)):
        # 1. Parse
        if award.invalid_detail:
            outcomes.append(Outcome(award.award_id, "invalid", award.invalid_detail))
            continue
        if award.recipient_identity is None:   # a revocation notice for an award never read
            outcomes.append(Outcome(award.award_id, "revoked", "revoked before it was read"))
            continue
        if award.badge_id not in inbox.catalog:
            outcomes.append(Outcome(award.award_id, "unresolved_reference", award.badge_id))
            continue
        if award.issuer_id not in inbox.catalog:
            outcomes.append(Outcome(award.award_id, "unresolved_reference", str(award.issuer_id)))
            continue
        # 2. Recipient
        matches = [educators[i] for i in matcher.match(award)]
        active = [e for e in matches if e.status == "active"]
        if not active:
            outcomes.append(Outcome(award.award_id, "inactive_educator" if matches else "unmatched_recipient"))
            continue
        if len(active) > 1:
            outcomes.append(Outcome(award.award_id, "ambiguous_recipient", f"{len(active)} educators"))
            continue
        educator = active[0]
        eid = educator.educator_id
        # 3. Revocation
        if award.revoked:
            outcomes.append(Outcome(award.award_id, "revoked", "revoked by the issuer", eid))
            continue
        # 4. Date
        if award.award_date > as_of:
            outcomes.append(Outcome(award.award_id, "future_dated", f"awarded {award.award_date}", eid))
            continue
        if (educator.license_start is None or educator.license_end is None
                or not educator.license_start <= award.award_date <= educator.license_end):
            outcomes.append(Outcome(award.award_id, "outside_license_term", "not in the current license term", eid))
            continue
        # 5. Duplicate
        mine = totals.setdefault(eid, EducatorTotals())
        if award.badge_id in mine.badges:
            outcomes.append(Outcome(award.award_id, "duplicate_credential", award.badge_id, eid))
            continue
        # 6. DDOE / 7. External
        rule = None
        if award.issuer_id in config.ddoe_issuers:
            hours = config.ddoe_hours
            credit_type = "DDOE micro-credential"
        else:
            district = config.districts.get(educator.district_code)
            if district is not None:
                for candidate in district.rules:
                    if (candidate.issuer_id == award.issuer_id
                            and (candidate.valid_from is None or candidate.valid_from <= award.award_date)
                            and (candidate.valid_until is None or award.award_date <= candidate.valid_until)):
                        rule = candidate
                        break
            if rule is None:
                outcomes.append(Outcome(award.award_id, "issuer_not_approved", str(award.issuer_id), eid))
                continue
            decision = decisions.get((eid, award.badge_id))
            if decision is not None and decision.decision == "denied":
                outcomes.append(Outcome(award.award_id, "denied_by_district", f"denied on {decision.decided_on}", eid))
                continue
            if decision is None and rule.approval == "per-educator":
                outcomes.append(Outcome(award.award_id, "pending_approval", "awaiting the district", eid))
                continue
            if decision is not None and decision.hours is not None:
                hours = decision.hours
            elif award.badge_id in rule.badges:
                hours = rule.badges[award.badge_id]
            else:
                hours = rule.hours
            credit_type = "External micro-credential"
        # 8. Caps
        room = hours
        if rule is not None and rule.cap is not None:
            room = min(room, rule.cap - mine.by_issuer.get(rule.issuer_id, Decimal(0)))
        if rule is not None and district.external_cap is not None:
            room = min(room, district.external_cap - mine.external)
        if config.micro_credential_cap is not None:
            room = min(room, config.micro_credential_cap - mine.total)
        if room <= 0:
            outcomes.append(Outcome(award.award_id, "over_cap", "no room under a cap", eid))
            continue
        reason = "capped" if room < hours else "credited"
        # 9. Credited
        mine.total += room
        if rule is not None:
            mine.external += room
            mine.by_issuer[rule.issuer_id] = mine.by_issuer.get(rule.issuer_id, Decimal(0)) + room
        mine.badges.add(award.badge_id)
        outcomes.append(Outcome(award.award_id, "credited", reason, eid, room))
        ledger.append(LedgerEntry(award, educator, room, credit_type, reason))
    return outcomes, ledger


# ---------------------------------------------------------------- PostgreSQL and the PDMS file

def neutralise(cell):
    text = "" if cell is None else str(cell)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def hours_text(hours):
    return format(hours.normalize(), "f")


def write_pdms(config, as_of, batch, ledger):
    folder = os.path.join(config.reports, "pdms")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"pdms-import-{as_of}-{batch}.csv")
    temporary = path + ".tmp"
    with open(temporary, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(config.pdms_columns)
        for entry in ledger:
            e = entry.educator
            cells = {"educator_id": e.educator_id, "last_name": e.last_name, "first_name": e.first_name,
                     "district_code": e.district_code, "school_code": e.school_code,
                     "activity_title": entry.award.badge_name, "provider": entry.award.issuer_name,
                     "completion_date": entry.award.award_date.isoformat(), "clock_hours": hours_text(entry.hours),
                     "credential_id": entry.award.award_id, "credit_type": entry.credit_type, "action": "ADD",
                     "badge_id": entry.award.badge_id, "issuer_id": entry.award.issuer_id}
            writer.writerow([neutralise(cells.get(column, "")) for column in config.pdms_columns])
    os.replace(temporary, path)
    return path


def store(conn, config, as_of, educators, approvals, inbox, outcomes, ledger):
    with conn.cursor() as cur:
        cur.execute("INSERT INTO sf_runs (as_of) VALUES (%s) RETURNING run_id", (as_of,))
        run_id = cur.fetchone()[0]
        with cur.copy("COPY sf_educators (educator_id, first_name, last_name, email, other_emails, district_code, "
                      "school_code, school_name, license_type, license_start, license_end, status) FROM STDIN") as copy:
            for e in educators.values():
                copy.write_row((e.educator_id, e.first_name, e.last_name, e.email, ";".join(e.other_emails),
                                e.district_code, e.school_code, e.school_name, e.license_type, e.license_start,
                                e.license_end, e.status))
        with cur.copy("COPY sf_approvals (educator_id, badge_id, decision, hours, decided_by, decided_on, note) "
                      "FROM STDIN") as copy:
            for a in approvals:
                copy.write_row((a.educator_id, a.badge_id, a.decision, a.hours, a.decided_by, a.decided_on, a.note))
        with cur.copy("COPY sf_source_files (sha256, path, items) FROM STDIN") as copy:
            for row in inbox.files:
                copy.write_row(row)
        with cur.copy("COPY sf_catalog (doc_id, doc_type, name, issuer_id, document) FROM STDIN") as copy:
            for doc_id, (kind, document) in inbox.catalog.items():
                issuer = document.get("issuer")
                copy.write_row((doc_id, str(kind), document.get("name"),
                                issuer.get("id") if isinstance(issuer, dict) else issuer, json.dumps(document)))
        with cur.copy("COPY sf_awards (award_id, source_path, source_line, badge_id, badge_name, issuer_id, "
                      "issuer_name, recipient_identity, recipient_hashed, recipient_salt, issued_on, award_date, "
                      "revoked, invalid_detail, document) FROM STDIN") as copy:
            for a in inbox.awards.values():
                copy.write_row((a.award_id, a.source_path, a.source_line, a.badge_id, a.badge_name, a.issuer_id,
                                a.issuer_name, a.recipient_identity, a.recipient_hashed, a.recipient_salt,
                                a.issued_on, a.award_date, a.revoked, a.invalid_detail,
                                a.text if a.invalid_detail != "malformed_json" else None))
        with cur.copy("COPY sf_outcomes (award_id, outcome, reason, educator_id, hours, run_id) FROM STDIN") as copy:
            for o in outcomes:
                copy.write_row((o.award_id, o.outcome, o.reason, o.educator_id, o.hours, run_id))
        with cur.copy("COPY sf_ledger (award_id, educator_id, action, hours, credit_type, badge_id, issuer_id, "
                      "award_date, posted_on, reason, run_id) FROM STDIN") as copy:
            for entry in ledger:
                copy.write_row((entry.award.award_id, entry.educator.educator_id, "ADD", entry.hours,
                                entry.credit_type, entry.award.badge_id, entry.award.issuer_id,
                                entry.award.award_date, as_of, entry.reason, run_id))
    return run_id


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--roster", required=True)
    parser.add_argument("--approvals", required=True)
    parser.add_argument("--as-of", required=True, type=datetime.date.fromisoformat)
    parser.add_argument("--reports", help="folder for the PDMS file (default: the config's reports)")
    parser.add_argument("--dsn", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    as_of = args.as_of
    started = time.monotonic()
    phase_started = started

    def phase(name):
        nonlocal phase_started
        now = time.monotonic()
        log(f"phase {name}: {now - phase_started:.2f} s")
        phase_started = now

    config = load_config(args.config, args.reports)
    schema = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.sql")
    with psycopg.connect(args.dsn) as conn:
        with open(schema) as f:
            conn.execute(f.read())
        conn.commit()
        phase("schema")
        educators, roster_skipped = read_roster(args.roster)
        approvals = read_approvals(args.approvals)
        decisions = decisions_in_force(approvals, as_of)
        phase("roster and approvals read")
        inbox = read_inbox(config.inbox, config.time_zone)
        phase("inbox read")
        outcomes, ledger = evaluate(inbox, educators, decisions, config, as_of)
        phase("evaluated")
        run_id = store(conn, config, as_of, educators, approvals, inbox, outcomes, ledger)
        phase("stored")
        counts = {}
        for o in outcomes:
            counts[o.outcome] = counts.get(o.outcome, 0) + 1
        path = None
        if ledger:
            row = conn.execute("INSERT INTO sf_pdms_batches (run_id, as_of, path, rows) VALUES (%s, %s, '', %s) "
                               "RETURNING batch", (run_id, as_of, len(ledger))).fetchone()
            path = write_pdms(config, as_of, row[0], ledger)
            conn.execute("UPDATE sf_pdms_batches SET path = %s WHERE batch = %s", (path, row[0]))
        conn.execute("UPDATE sf_runs SET ended_at = now(), counts = %s WHERE run_id = %s",
                     (json.dumps(counts), run_id))
        conn.commit()
        phase("PDMS file written and committed")

    hours = sum((entry.hours for entry in ledger), Decimal(0))
    print(f"Roster: {len(educators)} educators ({roster_skipped} rows skipped); approvals: {len(approvals)} decisions.")
    print(f"Straightforward nightly as of {as_of}: {len(inbox.files)} files read, {len(inbox.awards)} awards, "
          f"{len(inbox.catalog)} catalog documents.")
    print("Outcomes: " + ", ".join(f"{name} {counts[name]}" for name in sorted(counts)) + ".")
    print(f"Ledger: {len(ledger)} credits ({hours_text(hours)} h) and 0 reversals (0 h) posted.")
    if path:
        print(f"PDMS import file: {path}")
    log(f"total: {time.monotonic() - started:.2f} s")


if __name__ == "__main__":
    main()
