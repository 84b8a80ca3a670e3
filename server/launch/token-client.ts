/**
 * The token endpoint side of the launch, on openid-client: the code exchange and refreshes,
 * authenticated as the registration says (`private_key_jwt` with RS384 or ES384, a client
 * secret, or none), and the `id_token` verified against the EHR's JWKS (signature included:
 * `enableNonRepudiationChecks`). fhirclient cannot do either part (ADR 0005): it only decodes
 * id_tokens and refreshes with a client secret alone.
 *
 * @module
 */
import * as oidc from 'openid-client';
import type { FetchLike, SmartConfiguration } from '../../launch/discovery.ts';
import type { ClientKeyStore } from '../keys/client-keys.ts';
import type { EhrRegistration } from '../registry/ehr-registration.ts';
import { isLocalHost } from '../registry/registration-urls.ts';

export type AssertionAlg = 'RS384' | 'ES384';

export interface TokenClientInput {
  readonly registration: EhrRegistration;
  readonly discovery: SmartConfiguration;
  /** Decrypted, for `client_secret_basic` registrations. */
  readonly clientSecret: string | undefined;
  readonly keys: ClientKeyStore;
  /** Forces one algorithm; otherwise ES384 when the EHR lists it, else RS384. */
  readonly assertionAlg?: AssertionAlg;
  /** openid-client's fetch (token and JWKS calls): traced and timed; its own global fetch when absent. */
  readonly fetch?: FetchLike;
}

/** Picks the assertion algorithm: the EHR's advertised list decides, ES384 first. */
export function chooseAssertionAlg(discovery: SmartConfiguration): AssertionAlg {
  const advertised = (discovery as { token_endpoint_auth_signing_alg_values_supported?: unknown })
    .token_endpoint_auth_signing_alg_values_supported;
  if (Array.isArray(advertised) && !advertised.includes('ES384') && advertised.includes('RS384')) {
    return 'RS384';
  }
  return 'ES384';
}

type AsyncClientAuth = (...args: Parameters<oidc.ClientAuth>) => Promise<void>;

function clientAuth(input: TokenClientInput, tokenEndpoint: string): oidc.ClientAuth | AsyncClientAuth {
  const { registration } = input;
  switch (registration.authMethod) {
    case 'private_key_jwt': {
      const alg = input.assertionAlg ?? chooseAssertionAlg(input.discovery);
      const options: oidc.ModifyAssertionOptions = {
        // SMART and Epic require aud = the token endpoint; openid-client defaults to the issuer.
        [oidc.modifyAssertion]: (_header, payload) => {
          payload.aud = tokenEndpoint;
        },
      };
      // The key is asked for on every token request, so a rotation applies without a new
      // configuration (this one is cached per registration). openid-client types client auth as
      // returning void but awaits it, and its PrivateKeyJwt is async underneath.
      return async (...args) => {
        const key = await input.keys.signingKey(alg);
        const sign = oidc.PrivateKeyJwt({ key: key.privateKey, kid: key.kid }, options) as AsyncClientAuth;
        await sign(...args);
      };
    }
    case 'client_secret_basic':
      if (!input.clientSecret) throw new Error('The registration has no client secret.');
      return oidc.ClientSecretBasic(input.clientSecret);
    case 'none':
      return oidc.None();
  }
}

/**
 * An openid-client Configuration for one registration. The issuer it checks id_tokens against is
 * the registration's override (Oracle's may differ from discovery), else discovery's, else `iss`.
 */
export function tokenClientConfiguration(input: TokenClientInput): oidc.Configuration {
  const { registration, discovery } = input;
  const issuer = registration.idTokenIssuer ?? discovery.issuer ?? registration.issuer;
  const metadata: oidc.ServerMetadata = {
    ...(discovery as oidc.ServerMetadata),
    issuer,
    authorization_endpoint: discovery.authorization_endpoint,
    token_endpoint: discovery.token_endpoint,
  };
  const config = new oidc.Configuration(
    metadata,
    registration.clientId,
    undefined,
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- awaited by openid-client (see clientAuth)
    clientAuth(input, discovery.token_endpoint),
  );
  oidc.enableNonRepudiationChecks(config);
  const fetchFn = input.fetch;
  if (fetchFn) config[oidc.customFetch] = (url, options) => fetchFn(url, options as RequestInit);
  // Plain http only for an EHR on this machine (the sandbox); never for a real one.
  if (isLocalHost(new URL(discovery.token_endpoint).hostname)) oidc.allowInsecureRequests(config);
  return config;
}

/** The fields of a SMART token response the server keeps (tokens included, stored encrypted). */
export interface SmartTokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in?: number;
  readonly scope?: string;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly patient?: string;
  readonly encounter?: string;
  readonly need_patient_banner?: boolean | string;
  readonly smart_style_url?: string;
  readonly [extra: string]: unknown;
}

export interface ExchangeResult {
  readonly tokens: SmartTokenResponse;
  /** The verified id_token's `fhirUser` (or `profile`) claim, when an id_token came back. */
  readonly fhirUser: string | undefined;
}

function toExchangeResult(
  response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
): ExchangeResult {
  const claims = response.claims();
  const fhirUser = claims?.fhirUser ?? claims?.profile;
  // The helpers are methods; what is kept is the response's own JSON fields.
  const plain = Object.fromEntries(
    Object.entries(response).filter(([, value]) => typeof value !== 'function'),
  ) as SmartTokenResponse;
  return {
    tokens: plain,
    fhirUser: typeof fhirUser === 'string' ? fhirUser : undefined,
  };
}

export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { readonly codeVerifier: string; readonly state: string; readonly idTokenExpected: boolean },
  redirectUri: string,
): Promise<ExchangeResult> {
  const response = await oidc.authorizationCodeGrant(
    config,
    callbackUrl,
    {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      idTokenExpected: checks.idTokenExpected,
    },
    { redirect_uri: redirectUri },
  );
  return toExchangeResult(response);
}

export async function refreshTokens(
  config: oidc.Configuration,
  refreshToken: string,
): Promise<ExchangeResult> {
  return toExchangeResult(await oidc.refreshTokenGrant(config, refreshToken));
}
