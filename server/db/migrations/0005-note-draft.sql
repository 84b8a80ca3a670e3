-- One working draft per encounter: the clinician's input (kept whatever a model does), the
-- template version it follows, and the structured note with its evidence. `version` increments on
-- every save so two tabs or a slow autosave can never overwrite newer work unnoticed.
create table note_draft (
  id uuid primary key default gen_random_uuid(),
  registration_id text not null references ehr_registration (id) on delete cascade,
  patient_id text not null,
  -- '' when the launch carried no encounter (a standalone launch).
  encounter_id text not null default '',
  version integer not null check (version > 0),
  status text not null check (status in ('draft', 'ready_to_sign')),
  template_id text not null,
  template_version integer not null,
  input_kind text not null check (input_kind in ('transcript', 'dictation', 'bullets')),
  input_text text not null,
  -- NoteDraft JSON; null until a draft is generated.
  note jsonb,
  created_by text,
  updated_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (registration_id, patient_id, encounter_id),
  foreign key (template_id, template_version) references note_template (id, version)
);
