#!/usr/bin/env python3
"""Writes a realistic relicensure scenario of any size into a folder.

    Benchmarks/generate-scenario.py OUT --educators 50000 --awards 1000000 [--seed 1]

OUT gets relicensure.yaml, roster.csv, approvals.csv, inbox/ (mostly .jsonl bundles of
10,000 assertions, some single .json files and baked PNGs) and an empty reports/. Recipients are
hashed as real platforms mix them (two salts per issuer, sha256 and md5, unsalted hashes, plain
addresses; `--no-salt-mix` for one salt per issuer and sha256 only); about a quarter of the
awards are DDOE's, the rest from three external issuers with caps and approvals. Deterministic
for a seed.
"""
import argparse
import hashlib
import json
import os
import random
import struct
import zlib

DDOE = "https://badges.doe.k12.de.us/issuers/ddoe"
EXTERNAL = [
    ("https://api.badgr.io/public/issuers/nea", "National Education Association", "nea-salt-2026"),
    ("https://badges.digitalpromise.org/issuers/dp", "Digital Promise", "dp-salt"),
    ("https://badges.iste.org/issuers/iste", "ISTE", "iste-salt"),
]
DISTRICTS = [("31", "Red Clay Consolidated"), ("33", "Christina"), ("32", "Brandywine"), ("29", "Appoquinimink"),
             ("34", "Colonial"), ("35", "Capital")]


def png_with_itxt(text):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + text.encode())
            + chunk(b"IDAT", zlib.compress(b"\x00\x1f\x4e\x79\xff")) + chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--educators", type=int, default=50_000)
    parser.add_argument("--awards", type=int, default=100_000)
    parser.add_argument("--bundle-size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prefix", default="a", help="award id prefix (to add a later night's new awards)")
    parser.add_argument("--awards-only", action="store_true", help="write only the inbox (a later night)")
    parser.add_argument("--salt-mix", action=argparse.BooleanOptionalAction, default=True,
                        help="hash as real platforms mix it: two salts per issuer (eight in all), sha256 and md5, "
                             "unsalted hashes of both kinds, plain addresses (issue 15; the default: "
                             "--no-salt-mix writes the older, plainer mix of the 2026-11-22 measurements)")
    parser.add_argument("--per-assertion-salts", action="store_true",
                        help="salt each salted recipient with its own salt, as Badgr does, instead of one per issuer")
    parser.add_argument("--every-award-salted", action="store_true",
                        help="hash every recipient with a salt (with --per-assertion-salts: a salt of its own), "
                             "instead of 30 %% of them (issue 15's target of 10,000 awards each with its own salt)")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    out = args.out
    inbox = os.path.join(out, "inbox", args.prefix)
    os.makedirs(inbox, exist_ok=True)
    os.makedirs(os.path.join(out, "reports"), exist_ok=True)

    emails = []
    if not args.awards_only:
        with open(os.path.join(out, "roster.csv"), "w", newline="") as f:
            f.write("educator_id,first_name,last_name,email,district_code,school_code,license_type,license_start,license_end\r\n")
            for i in range(args.educators):
                district = DISTRICTS[i % len(DISTRICTS)][0]
                start_year = 2021 + (i % 5)
                f.write(f"{i:07d},First{i},Last{i},educator{i}@k12.de.us,{district},{district}0{i % 7},"
                        f"{'advanced' if i % 97 == 0 else 'continuing'},{start_year}-07-01,{start_year + 5}-06-30\r\n")
        districts_yaml = ""
        for code, name in DISTRICTS:
            districts_yaml += f'  - code: "{code}"\n    name: "{name}"\n    external_cap: 45\n    issuers:\n'
            for index, (issuer, iname, _) in enumerate(EXTERNAL):
                approval = "per-educator" if index == 0 else "none"
                districts_yaml += (f'      - id: "{issuer}"\n        name: "{iname}"\n        hours: 10\n'
                                   f'        approval: {approval}\n        cap: 30\n')
        with open(os.path.join(out, "relicensure.yaml"), "w") as f:
            f.write(f"""inbox: ./inbox
reports: ./reports
# The generated hosted badges point at example hosts: nothing to fetch.
verification:
  fetch: false
state:
  time_zone: "America/New_York"
  micro_credential_cap: 80
ddoe:
  issuers: ["{DDOE}"]
districts:
{districts_yaml}""")
        with open(os.path.join(inbox, "issuers.jsonl"), "w") as f:
            f.write(json.dumps({"type": "Issuer", "id": DDOE, "name": "Delaware Department of Education"}) + "\n")
            for issuer, name, _ in EXTERNAL:
                f.write(json.dumps({"type": "Issuer", "id": issuer, "name": name}) + "\n")
            for b in range(40):
                f.write(json.dumps({"type": "BadgeClass", "id": f"https://badges.doe.k12.de.us/badgeclasses/b{b}",
                                    "name": f"DDOE Micro-credential {b}", "issuer": DDOE}) + "\n")
            for issuer, name, _ in EXTERNAL:
                for b in range(40):
                    f.write(json.dumps({"type": "BadgeClass", "id": f"{issuer}/badges/b{b}", "name": f"{name} badge {b}",
                                        "issuer": issuer}) + "\n")
        with open(os.path.join(out, "approvals.csv"), "w") as f:
            f.write("educator_id,badge_id,decision,hours,decided_by,decided_on,note\r\n")
            for i in range(0, args.educators, 3):
                b = rnd.randrange(40)
                f.write(f"{i:07d},{EXTERNAL[0][0]}/badges/b{b},{'denied' if i % 10 == 0 else 'approved'},,HR,2025-01-15,\r\n")

    bundle = None
    written_in_bundle = 0
    bundle_number = 0
    for n in range(args.awards):
        i = rnd.randrange(args.educators)
        email = f"educator{i}@k12.de.us"
        if rnd.random() < 0.25:
            issuer, salt_for_issuer = DDOE, "ddoe-salt"
            badge = f"https://badges.doe.k12.de.us/badgeclasses/b{rnd.randrange(40)}"
        else:
            issuer, _, salt_for_issuer = EXTERNAL[rnd.randrange(len(EXTERNAL))]
            badge = f"{issuer}/badges/b{rnd.randrange(40)}"
        kind = 1.0 if args.every_award_salted else rnd.random()
        if kind < 0.4:
            recipient = {"type": "email", "hashed": False, "identity": email}
        elif kind < 0.7:
            algorithm = rnd.choice(("sha256", "md5")) if args.salt_mix else "sha256"
            recipient = {"type": "email", "hashed": True,
                         "identity": f"{algorithm}$" + hashlib.new(algorithm, email.encode()).hexdigest()}
        else:
            algorithm = "sha256"
            if args.per_assertion_salts:
                salt_for_issuer = f"{args.prefix}{n}-{rnd.getrandbits(32):08x}"
            elif args.salt_mix:
                salt_for_issuer = f"{salt_for_issuer}-{rnd.randrange(2)}"
                algorithm = rnd.choice(("sha256", "md5"))
            recipient = {"type": "email", "hashed": True, "salt": salt_for_issuer,
                         "identity": f"{algorithm}$" + hashlib.new(algorithm, (email + salt_for_issuer).encode()).hexdigest()}
        day = f"{rnd.randrange(2021, 2027)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
        assertion = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
                     "id": f"{issuer}/assertions/{args.prefix}{n}", "recipient": recipient, "badge": badge,
                     "issuedOn": f"{day}T12:00:00Z", "verification": {"type": "hosted"},
                     "evidence": f"https://evidence.example.org/{args.prefix}{n}",
                     "narrative": "Submitted a portfolio of classroom artifacts scored proficient on every rubric row."}
        text = json.dumps(assertion)
        if n % 1000 == 1:
            with open(os.path.join(inbox, f"single-{n}.json"), "w") as f:
                f.write(text)
            continue
        if n % 1000 == 2:
            with open(os.path.join(inbox, f"baked-{n}.png"), "wb") as f:
                f.write(png_with_itxt(text))
            continue
        if bundle is None or written_in_bundle >= args.bundle_size:
            if bundle:
                bundle.close()
            bundle_number += 1
            bundle = open(os.path.join(inbox, f"export-{bundle_number:04d}.jsonl"), "w")
            written_in_bundle = 0
        bundle.write(text + "\n")
        written_in_bundle += 1
    if bundle:
        bundle.close()


if __name__ == "__main__":
    main()
