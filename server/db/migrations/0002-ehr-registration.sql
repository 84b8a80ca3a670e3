-- The EHRs RevenuePilot is registered with: one row per FHIR server (`iss`) we accept launches
-- from, with our client id there, how we authenticate, and who may frame the app.
-- `issuer` is the normalised FHIR base URL (lower-case scheme and host, no trailing slash).
-- `client_secret_enc` is sealed by server/crypto/secret-cipher.ts (aad `ehr_registration:<id>`);
-- it is never stored in clear and never returned by the API.
create table ehr_registration (
  id text primary key,
  name text not null,
  issuer text not null unique check (issuer ~ '^https?://' and issuer !~ '/$'),
  client_id text not null,
  auth_method text not null check (auth_method in ('private_key_jwt', 'client_secret_basic', 'none')),
  vendor text not null check (vendor in ('epic', 'oracle-health', 'generic')),
  frame_origins text[] not null check (cardinality(frame_origins) > 0),
  scopes text not null,
  id_token_issuer text,
  client_secret_enc bytea,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((auth_method = 'client_secret_basic') = (client_secret_enc is not null))
);
