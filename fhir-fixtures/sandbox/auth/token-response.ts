/**
 * Builds a successful token response: the access token (through the shared `GrantStore`, so the
 * FHIR server can verify it), the SMART launch context, an id_token when `openid` with `fhirUser`
 * or `profile` was granted, and a refresh token when `offline_access` or `online_access` was.
 * Context values are spelled as the vendor profile sends them (vendor-rules.ts).
 *
 * @module
 */
import type { LaunchContext } from '../grants.ts';
import type { AuthContext } from './auth-context.ts';
import { signIdToken, wantsIdToken } from './id-token.ts';
import type { RefreshGrant } from './refresh-tokens.ts';
import { patientBannerValue } from './vendor-rules.ts';

export interface TokenResponseBody {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
  readonly patient?: string;
  readonly encounter?: string;
  /** A boolean, or the string "true"/"false" under the Epic profile. */
  readonly need_patient_banner?: boolean | 'true' | 'false';
  readonly smart_style_url?: string;
  readonly intent?: string;
  readonly id_token?: string;
  readonly refresh_token?: string;
}

export interface IssueInput {
  readonly clientId: string;
  /** The scope of this access token. */
  readonly scope: string;
  readonly context: LaunchContext | undefined;
  /** Sign an id_token when the scope asks for one (code exchanges, not refreshes). */
  readonly withIdToken: boolean;
  readonly nonce?: string;
  /** The grant a new refresh token is bound to; undefined: no refresh token. */
  readonly refreshGrant: RefreshGrant | undefined;
}

export interface IssuedTokens {
  readonly body: TokenResponseBody;
  /** Every token issued, so a replayed code can revoke them. */
  readonly tokens: readonly string[];
}

export async function issueTokens(ctx: AuthContext, input: IssueInput): Promise<IssuedTokens> {
  const { state } = ctx;
  const { context } = input;
  const lifetime = state.accessTokenLifetimeSeconds;
  const accessToken = state.grants.issueAccessToken(
    {
      clientId: input.clientId,
      scope: input.scope,
      ...(context?.patient === undefined ? {} : { patient: context.patient }),
      ...(context?.encounter === undefined ? {} : { encounter: context.encounter }),
      ...(context === undefined ? {} : { fhirUser: context.fhirUser }),
    },
    lifetime,
  );
  const tokens = [accessToken];
  const granted = new Set(input.scope.split(' '));

  let idToken: string | undefined;
  if (input.withIdToken && context && wantsIdToken(granted)) {
    idToken = await signIdToken(await ctx.keys.current(), {
      issuer: state.authBaseUrl,
      clientId: input.clientId,
      fhirBaseUrl: state.fhirBaseUrl,
      fhirUser: context.fhirUser,
      nowMs: state.now(),
      lifetimeSeconds: ctx.options.idTokenLifetimeSeconds ?? 3600,
      ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
    });
  }
  const refreshToken =
    input.refreshGrant === undefined ? undefined : ctx.refreshTokens.issue(input.refreshGrant);
  if (refreshToken !== undefined) tokens.push(refreshToken);

  const body: TokenResponseBody = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: lifetime,
    scope: input.scope,
    ...(context?.patient === undefined ? {} : { patient: context.patient }),
    ...(context?.encounter === undefined ? {} : { encounter: context.encounter }),
    ...(context === undefined
      ? {}
      : { need_patient_banner: patientBannerValue(state.vendor, context.needPatientBanner) }),
    ...(context?.smartStyleUrl === undefined ? {} : { smart_style_url: context.smartStyleUrl }),
    ...(context?.intent === undefined ? {} : { intent: context.intent }),
    ...(idToken === undefined ? {} : { id_token: idToken }),
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
  };
  return { body, tokens };
}

/** The refresh-token kind a scope earns, if any (`offline_access` wins over `online_access`). */
export function refreshKind(scope: string): RefreshGrant['kind'] | undefined {
  const scopes = new Set(scope.split(' '));
  if (scopes.has('offline_access')) return 'offline';
  if (scopes.has('online_access')) return 'online';
  return undefined;
}
