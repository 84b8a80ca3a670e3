-- App roles per EHR user, and billing staff's decisions on suggested codes.
--
-- app_user_role: what a user signed in to an EHR may do in RevenuePilot. The EHR decides who may
-- open a chart; this table only widens what the app shows: `billing` opens the review queue (many
-- patients' encounters), `admin` is kept for the admin console. A user without a row is a
-- clinician. `fhir_user` is the user's reference at that EHR in relative form
-- (`Practitioner/123`), however the EHR's id_token spelled it.
create table app_user_role (
  registration_id text not null references ehr_registration (id) on delete cascade,
  fhir_user text not null check (fhir_user <> ''),
  -- How colleagues see the user's decisions ("Bea Biller"); not PHI.
  display_name text not null default '',
  roles text[] not null check (
    cardinality(roles) > 0 and roles <@ array['clinician', 'billing', 'admin']::text[]
  ),
  updated_by text,
  updated_at timestamptz not null default now(),
  primary key (registration_id, fhir_user)
);

-- Every decision a billing specialist makes on a suggested code, never updated: the newest row
-- for an encounter's code is the current decision, the older ones are its history.
create table code_review_decision (
  id bigint generated always as identity primary key,
  registration_id text not null references ehr_registration (id) on delete cascade,
  patient_id text not null,
  -- '' when the launch carried no encounter (as in code_suggestion).
  encounter_id text not null default '',
  -- The suggested code decided on (E11.65, 99214, G2211) and what kind of code it is.
  code text not null,
  code_kind text not null check (code_kind in ('diagnosis', 'em', 'add_on', 'service')),
  decision text not null check (decision in ('accept', 'change', 'reject')),
  replacement_code text,
  -- Free text from the reviewer; may name clinical facts, so it is served but never logged.
  reason text,
  decided_by text not null,
  decided_by_name text not null default '',
  decided_at timestamptz not null default now(),
  check ((decision = 'change') = (replacement_code is not null)),
  check (decision = 'accept' or (reason is not null and btrim(reason) <> ''))
);

create index code_review_decision_by_encounter
  on code_review_decision (registration_id, patient_id, encounter_id, code, id desc);
