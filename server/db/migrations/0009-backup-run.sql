-- Scheduled backups (server/jobs/): one row per time slot. The primary key lets exactly one
-- server replica claim each slot with a single INSERT, so no session state (advisory locks)
-- is needed and it works behind PgBouncer in transaction pooling mode. Sizes and durations
-- only: never a file's contents.
create table backup_run (
  slot_start timestamptz primary key,
  holder text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  outcome text check (outcome in ('success', 'failure')),
  size_bytes bigint,
  duration_ms integer
);
