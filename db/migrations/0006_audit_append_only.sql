-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks. (A superuser can
-- still switch triggers off; the hash chain and the signed checkpoints catch what they change.)
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Chains written before the heads existed continue from their newest entry.
INSERT INTO audit_heads (chain, entries, prev_hash, hash)
SELECT DISTINCT ON (chain) chain, entries, prev_hash, hash
  FROM (SELECT coalesce(org_id::text, 'platform') AS chain,
               count(*) OVER (PARTITION BY org_id) AS entries,
               prev_hash, hash, id
          FROM audit_log) AS entries
 ORDER BY chain, id DESC
ON CONFLICT (chain) DO NOTHING;
