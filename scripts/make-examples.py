#!/usr/bin/env python3
"""Writes the sample data in examples/: a roster, approvals, an inbox of badges and a PDMS transcript export.

Deterministic: the same script writes the same bytes, so the committed examples can be
re-made and reviewed. Names, e-mails and ids are invented; ids look like Delaware's.
"""
import hashlib
import json
import os
import struct
import sys
import zlib
from datetime import date, timedelta

sys.dont_write_bytecode = True  # leave no __pycache__ beside the scripts
import ed25519  # scripts/ed25519.py: deterministic signatures, so the signed uploads are fixed bytes

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples")
DDOE = "https://badges.doe.k12.de.us/issuers/ddoe"
DDOE_BADGE = "https://badges.doe.k12.de.us/badgeclasses/"
NEA = "https://api.badgr.io/public/issuers/nea"
# The demo's Department signing key (its public half is pinned in relicensure.yaml) and a key
# that is on file nowhere. Both seeds are public: they sign sample data only.
DEMO_DDOE_SEED = hashlib.sha256(b"relicensure demo: DDOE signing key (public sample, never use)").digest()
FORGER_SEED = hashlib.sha256(b"relicensure demo: a key that is not the Department's").digest()
DP = "https://badges.digitalpromise.org/issuers/dp"

FIRST = ["Avery", "Jordan", "Morgan", "Taylor", "Riley", "Casey", "Quinn", "Reese", "Harper", "Rowan",
         "Emerson", "Finley", "Hayden", "Jamie", "Kendall", "Logan", "Marley", "Parker", "Sawyer", "Skyler",
         "Blake", "Cameron", "Dakota", "Elliot", "Frankie", "Gray", "Hollis", "Indigo", "Jules", "Kai",
         "Lennon", "Micah", "Noel", "Oakley", "Peyton", "Remy"]
LAST = ["Abbott", "Bishop", "Carver", "Dawson", "Ellis", "Fletcher", "Garrison", "Holloway", "Irving",
        "Jennings", "Keller", "Lawson", "Mercer", "Nolan", "Osborne", "Pruitt", "Quigley", "Ramsey",
        "Sutton", "Thornton", "Underwood", "Vaughn", "Whitaker", "Yates", "Zimmerman", "Ashford", "Brennan",
        "Calloway", "Delaney", "Everett", "Fairbanks", "Gallagher", "Hartley", "Ingram", "Jarvis", "Kirby"]


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def dumps(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


# What the demo's night credits (reports/pdms/pdms-import-2026-11-20-1.csv), as HR keyed it
# into PDMS: (educator index, credential_id, title, provider, completion date, hours).
OUR_CREDITS = [
    (0, "https://badges.doe.k12.de.us/assertions/2026-0001", "Formative Assessment in Practice", "Delaware Department of Education", "2026-09-14", 10),
    (0, "https://badges.doe.k12.de.us/assertions/2026-0002", "Culturally Responsive Teaching", "Delaware Department of Education", "2026-09-30", 10),
    (0, "https://api.badgr.io/public/assertions/nea/nea-501", "Classroom Management Strategies", "National Education Association", "2026-10-01", 15),
    (1, "https://badges.doe.k12.de.us/assertions/2026-0003", "Science of Reading: Phonemic Awareness", "Delaware Department of Education", "2026-09-18", 10),
    (2, "https://badges.doe.k12.de.us/assertions/2026-0004", "Restorative Practices in the Classroom", "Delaware Department of Education", "2026-10-02", 10),
    (3, "https://badges.digitalpromise.org/assertions/dp/dp-78", "Computational Thinking", "Digital Promise", "2026-09-02", 10),
    (3, "https://badges.digitalpromise.org/assertions/dp/dp-79", "AI Literacy for Educators", "Digital Promise", "2026-09-20", 10),
    (3, "https://badges.doe.k12.de.us/assertions/2026-0005", "Data-Driven Instruction", "Delaware Department of Education", "2026-10-05", 10),
    (4, "https://badges.doe.k12.de.us/assertions/2026-0006", "Teaching Digital Citizenship", "Delaware Department of Education", "2026-10-09", 10),
    (5, "https://badges.doe.k12.de.us/assertions/2026-0007", "Formative Assessment in Practice", "Delaware Department of Education", "2026-10-20", 10),
    (6, "https://badges.doe.k12.de.us/assertions/2026-0008", "Culturally Responsive Teaching", "Delaware Department of Education", "2026-11-03", 10),
    (7, "https://badges.doe.k12.de.us/assertions/2026-0009", "Science of Reading: Phonemic Awareness", "Delaware Department of Education", "2026-11-04", 10),
    (8, "https://badges.doe.k12.de.us/assertions/2026-0010", "Restorative Practices in the Classroom", "Delaware Department of Education", "2026-11-06", 10),
    (12, "https://badges.doe.k12.de.us/assertions/2026-0011", "Data-Driven Instruction", "Delaware Department of Education", "2026-11-10", 10),
    (20, "https://badges.doe.k12.de.us/assertions/2026-0012", "Teaching Digital Citizenship", "Delaware Department of Education", "2026-11-12", 10),
    (21, "https://badges.doe.k12.de.us/assertions/2026-0013", "Formative Assessment in Practice", "Delaware Department of Education", "2026-11-13", 10),
    (22, "https://badges.doe.k12.de.us/assertions/2026-0014", "Culturally Responsive Teaching", "Delaware Department of Education", "2026-11-16", 10),
    (24, "https://badges.doe.k12.de.us/assertions/2026-0024", "Science of Reading: Phonemic Awareness", "Delaware Department of Education", "2026-08-19", 10),
    (25, "https://badges.doe.k12.de.us/assertions/2026-0025", "Restorative Practices in the Classroom", "Delaware Department of Education", "2026-08-21", 10),
    (26, "https://badges.doe.k12.de.us/assertions/2026-0026", "Data-Driven Instruction", "Delaware Department of Education", "2026-08-25", 10),
    (27, "https://badges.doe.k12.de.us/assertions/2026-0027", "Teaching Digital Citizenship", "Delaware Department of Education", "2026-09-09", 10),
    (28, "https://badges.doe.k12.de.us/assertions/2026-0028", "Formative Assessment in Practice", "Delaware Department of Education", "2026-10-28", 10),
    (32, "https://badges.doe.k12.de.us/assertions/2026-0029", "Science of Reading: Phonemic Awareness", "Delaware Department of Education", "2026-10-29", 10),
    (33, "urn:uuid:7d0c1a52-2026-4e0b-9c1d-000000000030", "Data-Driven Instruction", "Delaware Department of Education", "2026-10-30", 10),
    (34, "https://badges.doe.k12.de.us/assertions/2026-0032", "Teaching Digital Citizenship", "Delaware Department of Education", "2026-11-02", 10),
]
# The demo reverses this credit after the night (scripts/demo: relicensure correct … --reverse),
# and HR never applies the reversal in PDMS: the reconciliation finds it.
REVERSED = "https://badges.doe.k12.de.us/assertions/2026-0013"
# HR forgot to key this credit of the batch: the reconciliation finds it missing.
FORGOTTEN = "https://badges.doe.k12.de.us/assertions/2026-0014"
# Keyed by hand without the credential_id (matched by educator, date, hours and title).
KEYED_BY_HAND = {"https://badges.doe.k12.de.us/assertions/2026-0024", "https://badges.doe.k12.de.us/assertions/2026-0025"}

# Courses and workshops PDMS records: what most of an educator's 90 hours are.
ACTIVITIES = [
    ("Graduate Course: Teaching Reading in the Content Areas", "University of Delaware", 45),
    ("Graduate Course: Assessment for Learning", "Wilmington University", 45),
    ("Summer Literacy Institute", "Delaware Academy for School Leadership", 30),
    ("Co-Teaching for Inclusive Classrooms (workshop series)", "Delaware State Education Association", 15),
    ("Mathematics Instructional Coaching Cycle", "DISTRICT", 12),
    ("Trauma-Informed Practices Workshop", "Delaware State Education Association", 6),
    ("Delaware Educators' Professional Learning Conference", "Delaware State Education Association", 6),
    ("Special Education Law Update", "University of Delaware", 3),
]
DISTRICT_NAMES = {"31": "Red Clay Consolidated School District", "33": "Christina School District"}


def total_hours_wanted(i, row):
    """The hours of the term each educator should end up with as of early December 2026: most
    on track, two complete, a few behind, and Reese (term ends 2026-12-31) 80 hours short."""
    if i in (0, 15):
        return 95 if i == 0 else 92  # complete
    if i in (11, 26):
        return 50 if i == 11 else 45  # behind (terms 2024-2028: 53 hours by now)
    if i == 19:
        return 62  # behind (terms 2022-2027: 80 hours by now)
    if row["license_start"] == "2024-01-01":
        return 55 + (i % 4) * 4  # on track
    return 80 + (i * 7) % 9  # on track


def pdms_transcript(rows):
    """The PDMS transcript export HR downloads in early December: the columns named as PDMS
    names them (mapped by pdms.transcript_columns in relicensure.yaml), a BOM and CRLF as Excel
    writes them."""
    credited = {}
    for i, cid, _, _, _, hours in OUR_CREDITS:
        if cid != REVERSED:
            credited[i] = credited.get(i, 0) + hours
    lines = []  # (educator_id, date, title, provider, hours, credential_id)
    for i, cid, title, provider, day, hours in OUR_CREDITS:
        if cid == FORGOTTEN:
            continue
        if cid in KEYED_BY_HAND:
            lines.append((rows[i]["educator_id"], day, title.lower() if i == 25 else title, provider, hours, ""))
        else:
            lines.append((rows[i]["educator_id"], day, title, provider, hours, cid))
    for i, row in enumerate(rows):
        eid, district = row["educator_id"], row["district_code"]
        if i == 7:  # Reese: one institute before the term began, which does not count
            lines.append((eid, "2021-06-28", ACTIVITIES[2][0], ACTIVITIES[2][1], 30, ""))
            continue
        if i in (9, 13, 17):  # advanced license, inactive, no term on record: hours that change nothing
            lines.append((eid, "2025-07-14", ACTIVITIES[3][0], ACTIVITIES[3][1], 15, ""))
            continue
        other = total_hours_wanted(i, row) - credited.get(i, 0)
        if i == 19:  # a DDOE micro-credential from before relicensure: unknown to us
            lines.append((eid, "2025-04-10", "Teaching Digital Citizenship", "Delaware Department of Education", 10, ""))
            other -= 10
        start = date(2024, 3, 10) if row["license_start"] == "2024-01-01" else date(2022, 10, 15)
        step = 110 if row["license_start"] == "2024-01-01" else 150
        k = 0
        for n in range(len(ACTIVITIES)):
            title, provider, hours = ACTIVITIES[(i + n) % len(ACTIVITIES)]
            if hours <= other:
                day = start + timedelta(days=step * k + i)
                lines.append((eid, day.isoformat(), title, DISTRICT_NAMES[district] if provider == "DISTRICT" else provider,
                              hours, ""))
                other -= hours
                k += 1
        if other > 0:
            day = start + timedelta(days=step * k + i)
            lines.append((eid, day.isoformat(), "Professional Learning Community (PLC) meetings", DISTRICT_NAMES[district],
                          other, ""))
    lines.sort()
    out = ["Educator ID,Activity Title,Provider,Completion Date,Clock Hours,Credential ID,PDMS Record"]
    for n, (eid, day, title, provider, hours, cid) in enumerate(lines):
        quoted = '"%s"' % title.replace('"', '""') if "," in title or '"' in title else title
        out.append(f"{eid},{quoted},{provider},{day},{hours},{cid},PD-{300100 + n}")
    return "\ufeff" + "\r\n".join(out) + "\r\n"


def educators():
    rows = []
    for i in range(36):
        district = "31" if i < 20 else "33"
        school = ("310" + str(i % 3 + 1)) if district == "31" else ("330" + str(i % 2 + 1))
        school_name = {"3101": "Dickinson High School", "3102": "Skyline Middle School",
                       "3103": "Warner Elementary School", "3301": "Newark High School",
                       "3302": "Shue-Medill Middle School"}[school]
        first, last = FIRST[i], LAST[i]
        eid = "%07d" % (40100 + i * 37)  # leading zeros are part of the id
        email = f"{first.lower()}.{last.lower()}@k12.de.us"
        start, end = "2022-07-01", "2027-06-30"
        if i % 5 == 1:
            start, end = "2024-01-01", "2028-12-31"
        if i == 7:
            start, end = "2021-11-01", "2026-12-31"  # term ending soon
        license_type = "continuing"
        if i == 9:
            license_type = "advanced"
        status = "inactive" if i == 13 else "active"
        other = f"{first.lower()}{i}@gmail.com" if i % 4 == 0 else ""
        if i == 17:
            start = end = ""  # no term on record
        if i in (30, 31):
            other = "reading.team@k12.de.us"  # a shared team address: badges sent to it are ambiguous
        rows.append(dict(educator_id=eid, first_name=first, last_name=last, email=email, other_emails=other,
                         district_code=district, school_code=school, school_name=school_name,
                         license_type=license_type, license_start=start, license_end=end, status=status))
    return rows


def roster_csv(rows):
    cols = ["educator_id", "first_name", "last_name", "email", "other_emails", "district_code", "school_code",
            "school_name", "license_type", "license_start", "license_end", "status"]
    lines = [",".join(cols)]
    for r in rows:
        lines.append(",".join(r[c] for c in cols))
    # Two rows that are wrong on purpose: the import reports them by line and goes on.
    lines.append("0049999,Pat,Nobody,not-an-email,,31,3101,Dickinson High School,continuing,2022-07-01,2027-06-30,")
    lines.append("0049998,Sam,Lateterm,sam.lateterm@k12.de.us,,31,3101,Dickinson High School,continuing,2027-07-01,2022-06-30,")
    return "\r\n".join(lines) + "\r\n"


def hashed(email, salt=""):
    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


def ddoe_issuer():
    return {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": DDOE,
            "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us",
            "email": "microcredentials@doe.k12.de.us"}


DDOE_BADGES = [
    ("formative-assessment", "Formative Assessment in Practice"),
    ("culturally-responsive-teaching", "Culturally Responsive Teaching"),
    ("science-of-reading", "Science of Reading: Phonemic Awareness"),
    ("restorative-practices", "Restorative Practices in the Classroom"),
    ("data-driven-instruction", "Data-Driven Instruction"),
    ("digital-citizenship", "Teaching Digital Citizenship"),
]


def ddoe_badge_class(slug, name):
    return {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": DDOE_BADGE + slug,
            "name": name, "description": f"DDOE micro-credential: {name}.",
            "image": f"https://badges.doe.k12.de.us/images/{slug}.png",
            "criteria": {"narrative": "Evidence scored proficient on every rubric row by two assessors."},
            "issuer": DDOE}


def assertion(aid, recipient, badge, issued_on, **extra):
    doc = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
           "id": f"https://badges.doe.k12.de.us/assertions/{aid}", "recipient": recipient,
           "badge": badge, "issuedOn": issued_on, "verification": {"type": "hosted"}}
    doc.update(extra)
    return doc


def plain(email):
    return {"type": "email", "hashed": False, "identity": email}


def png_with_itxt(keyword, text):
    """A 1x1 PNG with the badge baked in an iTXt chunk (Open Badges baking)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    idat = zlib.compress(b"\x00\x1f\x4e\x79\xff")
    itxt = keyword.encode() + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"iTXt", itxt) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def main():
    rows = educators()
    write("roster.csv", roster_csv(rows))
    e = {i: r for i, r in enumerate(rows)}

    write("inbox/ddoe/issuer.json", dumps(ddoe_issuer()))
    for slug, name in DDOE_BADGES:
        write(f"inbox/ddoe/badgeclasses/{slug}.json", dumps(ddoe_badge_class(slug, name)))

    b = lambda k: DDOE_BADGE + DDOE_BADGES[k][0]
    n = 0

    def award(path, i, k, day, recipient=None, **extra):
        nonlocal n
        n += 1
        rec = recipient or plain(e[i]["email"])
        # Files are named by award number, never by educator: file names appear in logs.
        folder = os.path.dirname(path)
        write(f"{folder}/award-2026-{n:04d}.json", dumps(assertion(f"2026-{n:04d}", rec, b(k), day + "T15:30:00-05:00", **extra)))

    # Credited DDOE awards: plain, upper-cased, salted and unsalted hashes, a secondary address.
    award("inbox/ddoe/2026-09/avery-formative.json", 0, 0, "2026-09-14")
    award("inbox/ddoe/2026-09/avery-crt.json", 0, 1, "2026-09-30")
    award("inbox/ddoe/2026-09/jordan-reading.json", 1, 2, "2026-09-18", plain(e[1]["email"].upper()))
    award("inbox/ddoe/2026-10/morgan-restorative.json", 2, 3, "2026-10-02",
          {"type": "email", "hashed": True, "salt": "de-2026", "identity": hashed(e[2]["email"], "de-2026")})
    award("inbox/ddoe/2026-10/taylor-data.json", 3, 4, "2026-10-05",
          {"type": "email", "hashed": True, "identity": hashed(e[3]["email"])})
    award("inbox/ddoe/2026-10/riley-digital.json", 4, 5, "2026-10-09", plain(e[4]["other_emails"]))
    award("inbox/ddoe/2026-10/casey-formative.json", 5, 0, "2026-10-20")
    award("inbox/ddoe/2026-11/quinn-crt.json", 6, 1, "2026-11-03")
    award("inbox/ddoe/2026-11/reese-reading.json", 7, 2, "2026-11-04")
    award("inbox/ddoe/2026-11/harper-restorative.json", 8, 3, "2026-11-06")
    award("inbox/ddoe/2026-11/hayden-data.json", 12, 4, "2026-11-10")
    award("inbox/ddoe/2026-11/blake-digital.json", 20, 5, "2026-11-12")
    award("inbox/ddoe/2026-11/cameron-formative.json", 21, 0, "2026-11-13")
    award("inbox/ddoe/2026-11/dakota-crt.json", 22, 1, "2026-11-16")
    # Not credited, each for a reason the demo shows.
    award("inbox/ddoe/2026-11/avery-formative-again.json", 0, 0, "2026-11-02")  # duplicate_credential
    award("inbox/ddoe/2026-11/future.json", 10, 2, "2026-12-24")  # future_dated (as of 2026-11-20)
    award("inbox/ddoe/2021/old-term.json", 11, 3, "2021-05-05")  # outside_license_term
    award("inbox/ddoe/2026-11/inactive.json", 13, 4, "2026-11-05")  # inactive_educator
    award("inbox/ddoe/2026-11/no-term.json", 17, 5, "2026-11-05")  # outside_license_term (no term)
    award("inbox/ddoe/2026-11/stranger.json", 0, 2, "2026-11-05", plain("someone.else@example.org"))  # unmatched
    award("inbox/ddoe/2026-11/team.json", 30, 3, "2026-11-05", plain("reading.team@k12.de.us"))  # ambiguous_recipient
    award("inbox/ddoe/2026-11/revoked.json", 14, 2, "2026-10-15")  # revoked by a later notice
    write("inbox/ddoe/2026-11/revocation-notice.json",
          dumps({"@context": "https://w3id.org/openbadges/v2", "id": f"https://badges.doe.k12.de.us/assertions/2026-{n:04d}",
                 "revoked": True, "revocationReason": "Awarded in error"}))
    n += 1
    write("inbox/ddoe/2026-11/unknown-badgeclass.json",
          dumps(assertion(f"2026-{n:04d}", plain(e[15]["email"]), DDOE_BADGE + "not-yet-published",
                          "2026-11-07T10:00:00Z")))  # unresolved_reference
    write("inbox/ddoe/2026-11/broken.json", '{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": ')

    # External issuers, badge class and issuer embedded (the way Badgr exports them).
    nea_issuer = {"id": NEA, "type": "Issuer", "name": "National Education Association", "url": "https://www.nea.org"}
    dp_issuer = {"id": DP, "type": "Issuer", "name": "Digital Promise", "url": "https://digitalpromise.org"}

    def external(path, aid, i, issuer, badge_id, badge_name, day):
        path = f"{os.path.dirname(path)}/{aid}.json"
        write(path, dumps({
            "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": f"{issuer['id'].replace('/issuers/', '/assertions/')}/{aid}",
            "recipient": plain(e[i]["email"]), "issuedOn": day + "T12:00:00Z",
            "verification": {"type": "hosted"},
            "badge": {"id": badge_id, "type": "BadgeClass", "name": badge_name, "issuer": issuer,
                      "criteria": {"narrative": "Submitted evidence met the rubric."},
                      "image": badge_id + "/image"}}))

    nea_cm = "https://api.badgr.io/public/badges/nea-classroom-mgmt"
    nea_sel = "https://api.badgr.io/public/badges/nea-social-emotional"
    dp_cs = "https://badges.digitalpromise.org/badges/computational-thinking"
    dp_ai = "https://badges.digitalpromise.org/badges/ai-literacy"
    external("inbox/external/nea/avery-classroom.json", "nea-501", 0, nea_issuer, nea_cm,
             "Classroom Management Strategies", "2026-10-01")  # approved, badge override 15 h
    external("inbox/external/nea/jordan-sel.json", "nea-502", 1, nea_issuer, nea_sel,
             "Social and Emotional Learning", "2026-10-11")  # pending_approval
    external("inbox/external/nea/morgan-sel.json", "nea-503", 2, nea_issuer, nea_sel,
             "Social and Emotional Learning", "2026-10-12")  # denied_by_district
    external("inbox/external/dp/parker-ct.json", "dp-77", 17 + 0, dp_issuer, dp_cs,
             "Computational Thinking", "2026-09-01")  # outside term (no term)
    external("inbox/external/dp/taylor-ct.json", "dp-78", 3, dp_issuer, dp_cs, "Computational Thinking", "2026-09-02")
    external("inbox/external/dp/taylor-ai.json", "dp-79", 3, dp_issuer, dp_ai, "AI Literacy for Educators", "2026-09-20")
    external("inbox/external/dp/taylor-ai-2.json", "dp-80", 3, dp_issuer, dp_ai + "-advanced",
             "AI Literacy: Advanced", "2026-10-20")  # over the issuer cap
    external("inbox/external/dp/elliot-ct.json", "dp-81", 23, dp_issuer, dp_cs,
             "Computational Thinking", "2026-09-03")  # district 33 has no rule: issuer_not_approved

    # A bundle (platform bulk export) and a baked PNG.
    lines = []
    for i, k, day in [(24, 2, "2026-08-19"), (25, 3, "2026-08-21"), (26, 4, "2026-08-25"), (27, 5, "2026-09-09")]:
        n += 1
        lines.append(json.dumps(assertion(f"2026-{n:04d}", plain(e[i]["email"]), b(k), day + "T09:00:00Z")))
    write("inbox/bundles/ddoe-export-2026-09.jsonl", "\n".join(lines) + "\n")
    n += 1
    baked = assertion(f"2026-{n:04d}", plain(e[28]["email"]), b(0), "2026-10-28T14:00:00Z")
    write(f"inbox/baked/award-2026-{n:04d}.png", png_with_itxt("openbadges", json.dumps(baked)))

    # A baked SVG, as an educator downloads it from a badge platform.
    n += 1
    svg_award = assertion(f"2026-{n:04d}", plain(e[32]["email"]), b(2), "2026-10-29T14:00:00Z")
    write(f"inbox/baked/award-2026-{n:04d}.svg",
          '<?xml version="1.0" encoding="UTF-8"?>\n'
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="120" height="120">\n'
          f'  <openbadges:assertion verify="{svg_award["id"]}"><![CDATA[{json.dumps(svg_award)}]]></openbadges:assertion>\n'
          '  <circle cx="60" cy="60" r="50" fill="#1f4e79"/>\n'
          '</svg>\n')

    # An Open Badges 3.0 credential (the DDOE platform's newer export), recipient hashed.
    n += 1
    salt = "ob3-salt"
    write(f"inbox/ob3/award-2026-{n:04d}.json", dumps({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:7d0c1a52-2026-4e0b-9c1d-{n:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": DDOE, "type": ["Profile"], "name": "Delaware Department of Education"},
        "validFrom": "2026-10-30T13:00:00Z",
        "name": DDOE_BADGES[4][1],
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
                            "salt": salt, "identityHash": hashed(e[33]["email"], salt)}],
            "achievement": {"id": b(4), "type": ["Achievement"], "name": DDOE_BADGES[4][1],
                            "description": f"DDOE micro-credential: {DDOE_BADGES[4][1]}.",
                            "criteria": {"narrative": "Evidence scored proficient on every rubric row."},
                            "creditsAvailable": 10},
            "creditsEarned": 10,
        },
    }))

    write("inbox/README.txt", "Exports from the issuing platforms land here. Files other than badges are skipped.\n")

    # Uploads: a badge an educator handed in, unsigned — never credited on its own say-so.
    n += 1
    write(f"uploads/award-2026-{n:04d}.json",
          dumps(assertion(f"2026-{n:04d}", plain(e[29]["email"]), b(1), "2026-11-01T12:00:00Z")))
    # Signed uploads (SPEC §4.4): one signed with the Department's key pinned from keys/, which is
    # credited, and a forgery signed with a key that is on file nowhere, which never is.
    write("keys/ddoe-demo.pem", ed25519.public_pem(DEMO_DDOE_SEED))
    for i, k, day, seed in [(34, 5, "2026-11-02", DEMO_DDOE_SEED), (35, 3, "2026-11-03", FORGER_SEED)]:
        n += 1
        signed = assertion(f"2026-{n:04d}", plain(e[i]["email"]), b(k), day + "T12:00:00Z", verification={"type": "signed"})
        write(f"uploads/award-2026-{n:04d}.jwt", ed25519.compact_jws(json.dumps(signed).encode(), seed) + "\n")

    approvals = [
        "educator_id,badge_id,decision,hours,decided_by,decided_on,note",
        f"{e[0]['educator_id']},{nea_cm},approved,,HR Director Sandra Ruiz,2026-10-05,Fits the school's PD plan",
        f"{e[2]['educator_id']},{nea_sel},approved,,HR Director Sandra Ruiz,2026-10-13,",
        f"{e[2]['educator_id']},{nea_sel},denied,,Assistant Superintendent,2026-10-20,Duplicate of district PD",
        f"{e[3]['educator_id']},{dp_ai},approved,12.5,HR Director Sandra Ruiz,2026-09-25,",
    ]
    write("approvals.csv", "\r\n".join(approvals) + "\r\n")
    write("pdms-transcript.csv", pdms_transcript(rows))


if __name__ == "__main__":
    main()
