-- relicensure: whether an award is revoked, written once (issue 15, "Each rule written once"),
-- beside the rules of 012 and 013. Only SQL needs it (the engine is told which awards are
-- revoked); Tests/RelicensureAppTests/RuleTwinTests.swift holds it case by case against the
-- rule stated from the SPEC in Tests/RelicensureAppTests/RevocationRule.swift.
--
-- Numbered 015: 014 is another change's.

-- Whether a trusted source revokes an award (SPEC §4.3, §4.4, §5 step 3): the award itself
-- (`flagged`, its own `revoked`), tonight's status lists (`status_listed`: they are read in
-- Swift each night, so the caller says whether they name the award), or a revocation naming it
-- by id or by the legacy OB 1.0 `uid` its document carries: a revocation-only document, which
-- speaks only for the id it names, or a RevocationList of the award's own issuer (`owner`, as
-- award_issuer gives it), named by the list's `issuer` or by a trusted copy of the issuer's
-- profile (uploads vouch for nothing). Only inbox documents are in `revocations`.
--
-- The parameters' names are no column's: in a SQL function a column of the same name would win.
-- It reads tables, so it is not inlined; Store.revokedExpression calls it only for the few
-- awards something names as revoked, so the night's cursor keeps its plan, and each call
-- finds its revocations through their primary key.
CREATE FUNCTION award_is_revoked(award text, uid text, flagged boolean, owner text, status_listed boolean)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT flagged OR status_listed OR EXISTS (
              SELECT 1 FROM revocations r
              WHERE r.award_id IN (award, uid)
                AND ((r.list_id = '' AND r.award_id = award) OR r.issuer_id = owner
                     OR EXISTS (SELECT 1 FROM catalog_documents c
                                WHERE c.kind = 'issuer' AND c.source <> 'uploads' AND c.document_id = owner
                                  AND c.document->>'revocationList' = r.list_id))) $$;
