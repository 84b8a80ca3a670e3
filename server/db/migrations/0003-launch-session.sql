-- One row per SMART launch: opened by /launch, authorized at /callback, used by the plugin's API
-- calls through its id (in the URL) plus a proof that the caller is the browser that launched it.
create table launch_session (
  id text primary key,
  registration_id text not null references ehr_registration (id) on delete cascade,
  launch_type text not null check (launch_type in ('ehr', 'standalone')),
  status text not null check (status in ('authorizing', 'active', 'ended')),
  -- sha-256 of the OAuth state, so the callback finds its launch; cleared once used.
  state_hash bytea unique,
  -- sha-256 of the launch's binding cookie; null once the browser showed it sends no cookies.
  browser_binding bytea,
  bound_at timestamptz,
  -- sha-256 of the browser's session cookie seen at the callback: lets a reload find the launch.
  session_cookie_hash bytea,
  -- sha-256 of the in-memory session token handed to the plugin at the callback.
  session_token_hash bytea,
  patient_id text,
  encounter_id text,
  fhir_user text,
  granted_scope text,
  need_patient_banner boolean not null default true,
  smart_style_url text,
  created_at timestamptz not null default now(),
  authorized_at timestamptz,
  expires_at timestamptz not null
);

create index launch_session_expires_at_idx on launch_session (expires_at);

-- fhirclient's per-launch key/value state (PKCE verifier, token response): encrypted, never plain.
create table smart_client_state (
  launch_id text not null references launch_session (id) on delete cascade,
  key text not null,
  value_enc bytea not null,
  updated_at timestamptz not null default now(),
  primary key (launch_id, key)
);
