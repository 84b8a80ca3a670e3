-- Our SMART client's signing keys (private_key_jwt) and where each is in its rotation, shared by
-- every server process (server/keys/rotating-key-store.ts):
--   next      published in our JWKS, not signing yet; signs from `sign_after`
--   current   signs (one per algorithm), published
--   retiring  published until `retire_after`, no longer signs
--   retired   gone from the JWKS; its private key is erased, the row stays as a record
-- The first keys are seeded from CLIENT_JWKS; `npm run keys:rotate` adds the `next` ones, and the
-- servers move keys along by time when they sign or serve the JWKS (docs/adr/0008).
-- `private_jwk_enc` is the private JWK sealed by server/crypto/secret-cipher.ts
-- (aad `client_signing_key:<kid>`); `public_jwk` holds public members only.
create table client_signing_key (
  kid text primary key,
  alg text not null check (alg in ('RS384', 'ES384')),
  status text not null check (status in ('next', 'current', 'retiring', 'retired')),
  public_jwk jsonb not null,
  private_jwk_enc bytea,
  created_at timestamptz not null,
  sign_after timestamptz not null,
  -- Set on a current key when its successor is added; required once it is retiring.
  retire_after timestamptz,
  retired_at timestamptz,
  check ((status = 'retired') = (private_jwk_enc is null)),
  check (status not in ('retiring', 'retired') or retire_after is not null)
);

create unique index client_signing_key_one_current on client_signing_key (alg) where status = 'current';
create unique index client_signing_key_one_next on client_signing_key (alg) where status = 'next';
