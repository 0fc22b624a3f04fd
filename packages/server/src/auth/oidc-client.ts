/**
 * OpenID Connect sign-in against the region's identity provider with openid-client v6:
 * authorization code flow with PKCE (S256), `state` and `nonce`. The provider's metadata is
 * discovered once (and retried after a failure). Nothing here stores tokens: the ID token's
 * claims only select a local user, and the session is ours.
 */
import * as client from 'openid-client';
import { SamverkanError } from '@samverkan/core';
import type { OidcConfig } from '../config.js';

/** What the browser carries between the redirect and the callback (in a signed, HttpOnly cookie). */
export interface OidcPending {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

/** The claims a sign-in resolves to. */
export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | undefined;
  readonly emailVerified: boolean;
}

/** Client for one configured identity provider. */
export class OidcClient {
  #configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcConfig) {}

  #discover(): Promise<client.Configuration> {
    this.#configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret)
      .catch((e: unknown) => {
        this.#configuration = undefined;
        throw new SamverkanError(
          'SAMV_ERR_INTERNAL',
          `Identitetsleverantören ${this.settings.issuer} svarar inte (${e instanceof Error ? e.message : String(e)}).`,
        );
      });
    return this.#configuration;
  }

  /** Build the provider's authorization URL and the values to keep until the callback. */
  async start(): Promise<{ url: URL; pending: OidcPending }> {
    const config = await this.#discover();
    const pending: OidcPending = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchange the code of the callback URL and return the verified identity. */
  async finish(callbackQuery: string, pending: OidcPending): Promise<OidcIdentity> {
    const config = await this.#discover();
    const current = new URL(this.settings.redirectUri);
    current.search = callbackQuery;
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (e) {
      throw new SamverkanError(
        'SAMV_ERR_UNAUTHENTICATED',
        `Inloggningen via identitetsleverantören misslyckades (${e instanceof Error ? e.message : String(e)}). Försök igen.`,
      );
    }
    if (claims === undefined) throw new SamverkanError('SAMV_ERR_UNAUTHENTICATED', 'Identitetsleverantören skickade ingen ID-token.');
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims['email'] === 'string' ? claims['email'].toLowerCase() : undefined,
      emailVerified: claims['email_verified'] !== false,
    };
  }
}
