-- Who did what to which patient's record, and how it ended. Later features append rows here.
-- `detail` holds ids, counts and codes only: never note text, tokens or FHIR resource bodies.
create table audit_event (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  request_id text,
  actor text,
  patient_ref text,
  action text not null,
  outcome text not null,
  detail jsonb
);

create index audit_event_patient_ref_occurred_at_idx on audit_event (patient_ref, occurred_at);
create index audit_event_occurred_at_idx on audit_event (occurred_at);
