-- The latest code suggestions for each encounter, with what billing staff need to find and
-- filter them without reading the chart again: the provider, the payer type and the date of
-- service. The patient's display name is kept for the billing queue (PHI: served only to signed-in
-- billing users of the same EHR registration, never logged).
create table code_suggestion (
  registration_id text not null references ehr_registration (id) on delete cascade,
  patient_id text not null,
  -- '' when the launch carried no encounter (a standalone launch).
  encounter_id text not null default '',
  patient_name text not null default '',
  provider text not null default '',
  payer_type text not null,
  date_of_service date not null,
  -- The note_draft version the suggestions were made from; 0 from the input alone.
  draft_version integer not null default 0,
  -- EncounterCodeSuggestions JSON.
  suggestions jsonb not null,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (registration_id, patient_id, encounter_id)
);

create index code_suggestion_by_date on code_suggestion (registration_id, date_of_service desc);
