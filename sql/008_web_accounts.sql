-- relicensure: the web door's accounts, sessions, tokens and failed logins (SPEC §8, issue 13).
--
-- Passwords are kept only as bcrypt hashes. Sessions and tokens are random 256-bit values
-- kept only as their SHA-256: a fast hash is enough for a value no one can guess, and a stolen
-- copy of the table opens no session.
CREATE TABLE web_accounts (
    login          text PRIMARY KEY,
    role           text NOT NULL CHECK (role IN ('state', 'district', 'school')),
    district_code  text,
    school_code    text,
    can_approve    boolean NOT NULL DEFAULT false,
    password_hash  text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz,
    -- A state account sees every district; a district account one district; a school account
    -- one school of one district, and never decides approvals.
    CHECK ((role = 'state' AND district_code IS NULL AND school_code IS NULL)
        OR (role = 'district' AND district_code IS NOT NULL AND school_code IS NULL)
        OR (role = 'school' AND district_code IS NOT NULL AND school_code IS NOT NULL AND NOT can_approve))
);

CREATE TABLE web_sessions (
    session_sha256  text PRIMARY KEY,
    login           text NOT NULL REFERENCES web_accounts ON DELETE CASCADE,
    csrf_token      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_sessions_login ON web_sessions (login);

CREATE TABLE web_tokens (
    token_sha256  text PRIMARY KEY,
    login         text NOT NULL REFERENCES web_accounts ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_tokens_login ON web_tokens (login);

-- Failed logins by account and address: 5 within 15 minutes make that address wait.
CREATE TABLE web_login_failures (
    login      text NOT NULL,
    address    text NOT NULL,
    failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_login_failures_key ON web_login_failures (login, address, failed_at);
