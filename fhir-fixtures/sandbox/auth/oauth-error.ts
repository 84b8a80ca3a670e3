/**
 * OAuth 2.0 errors as the sandbox's authorization server reports them: a stable `code` from the
 * RFC 6749 / 7523 vocabulary, a human `description` and the HTTP status of the token endpoint.
 *
 * @module
 */

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'server_error';

const STATUS: Readonly<Record<OAuthErrorCode, number>> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  access_denied: 403,
  server_error: 500,
};

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  readonly status: number;

  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${code}: ${description}`, options);
    this.status = STATUS[code];
  }

  /** The JSON body RFC 6749 §5.2 prescribes. */
  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.code, error_description: this.description };
  }
}
