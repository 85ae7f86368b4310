-- relicensure: an award may be credited again after its credit was reversed.
--
-- SPEC §5 "Every night again": an external award whose credit was reversed because the
-- district's latest decision became `denied` is evaluated again every night, so a later
-- `approved` decision credits it again. The index of 001 allowed one 'credit' entry per award
-- for ever, which would make that night fail. The ledger now guards what matters, per award:
--   * a 'credit' ADD only while the award has no standing hours (never credited twice at once);
--   * no REVERSE larger than the award's standing hours (net hours never go below zero).
-- Writers of the ledger (nightly, correct) hold the nightly advisory lock, so one award's
-- entries are never written by two sessions at once.

DROP INDEX ledger_one_credit_per_award;
CREATE INDEX ledger_award ON ledger_entries (award_id);

CREATE FUNCTION ledger_keeps_net_hours() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    standing numeric;
BEGIN
    SELECT coalesce(sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END), 0) INTO standing
    FROM ledger_entries WHERE award_id = NEW.award_id;
    IF NEW.kind = 'credit' AND NEW.action = 'ADD' AND standing > 0 THEN
        RAISE EXCEPTION 'award % is already credited (% h standing); it cannot be credited twice', NEW.award_id, standing
            USING ERRCODE = '23505';
    END IF;
    IF NEW.action = 'REVERSE' AND NEW.hours > standing THEN
        RAISE EXCEPTION 'award % stands at % h; a REVERSE of % h would take it below zero', NEW.award_id, standing, NEW.hours
            USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ledger_entries_keep_net_hours BEFORE INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_keeps_net_hours();
