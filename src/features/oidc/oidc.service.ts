import type { FastifyBaseLogger } from 'fastify'
import * as client from 'openid-client'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { findUserByEmail, openSession } from '../accounts/index.ts'
import { safeReturnPath } from '../../platform/http/return-path.ts'

/** How long a person may take at the identity provider before the login must start over. */
export const FLOW_TTL_MS = 10 * 60 * 1000

/** What the browser carries, signed, between /login/oidc and the callback. */
export interface OidcFlow {
  codeVerifier: string
  state: string
  nonce: string
  returnTo: string
  expiresAt: number
}

export interface OidcIdentity {
  sub: string
  email?: string
  /** undefined when the IdP does not say (many do not); only an explicit `false` is refused. */
  emailVerified?: boolean
}

/** The identity provider could not be reached (discovery or a network error). */
export class OidcUnavailableError extends Error {}

/**
 * openid-client refuses plain-http IdPs, rightly: the token request carries the client secret and the
 * answer carries tokens. Over the loopback interface nothing leaves the machine, which is what a
 * developer's local IdP or the test suite's mock provider uses, so http is allowed there and nowhere else.
 */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer)
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

/**
 * The spec's default is client_secret_basic; an IdP that advertises only client_secret_post gets that.
 * Decided per request from the discovered metadata, so no extra setting is needed.
 */
function clientAuth(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret)
  const post = client.ClientSecretPost(secret)
  return (as, c, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported
    const usePost = Array.isArray(methods) && methods.includes('client_secret_post') && !methods.includes('client_secret_basic')
    return (usePost ? post : basic)(as, c, body, headers)
  }
}

/**
 * The relying party: discovery is done once and cached. A failed discovery is forgotten, so an IdP
 * that was down when the app started is simply asked again at the next login; the app itself never
 * waits for (or crashes on) the IdP at boot.
 */
export class OidcClient {
  private discovered?: Promise<client.Configuration>
  readonly redirectUri: string

  constructor(
    private readonly settings: NonNullable<Config['oidc']>,
    baseUrl: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.redirectUri = `${baseUrl}/login/oidc/callback`
  }

  configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, clientAuth(this.settings.clientSecret), {
        // enableNonRepudiationChecks: the ID token's signature is checked against the IdP's JWKS too.
        // OIDC lets a client rely on TLS alone for tokens from the token endpoint; checking the
        // signature also covers an intercepting proxy and the loopback-http case, for one cached JWKS fetch.
        execute: [client.enableNonRepudiationChecks, ...(isLoopbackHttp(this.settings.issuer) ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      })
      .catch((err) => {
        this.discovered = undefined
        this.log.warn({ err, issuer: this.settings.issuer }, 'OIDC discovery failed; will retry at the next login')
        throw new OidcUnavailableError('OIDC discovery failed', { cause: err })
      })
    return this.discovered
  }

  /** The IdP address to send the browser to, and the secrets the callback must see again. */
  async start(returnTo: string): Promise<{ url: URL; flow: OidcFlow }> {
    const config = await this.configuration()
    const flow: OidcFlow = {
      codeVerifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo: safeReturnPath(returnTo),
      expiresAt: Date.now() + FLOW_TTL_MS,
    }
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    })
    return { url, flow }
  }

  /**
   * Checks state, exchanges the code with the PKCE verifier, verifies the ID token (signature, issuer,
   * audience, expiry, nonce) and returns who signed in. The e-mail comes from the ID token, or from
   * userinfo when the IdP keeps it there. @throws on any failed check
   */
  async finish(query: string, flow: OidcFlow): Promise<OidcIdentity> {
    const config = await this.configuration()
    // The redirect_uri sent to the token endpoint is this URL without its query: it must be the exact
    // one sent to /authorize, so it is built from BASE_URL, not from the Host header.
    const currentUrl = new URL(`${this.redirectUri}${query}`)
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    })
    const claims = tokens.claims()!
    let email = typeof claims.email === 'string' ? claims.email : undefined
    let verified: unknown = claims.email_verified
    if (!email && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub)
      email = typeof info.email === 'string' ? info.email : undefined
      verified = info.email_verified
    }
    // Some IdPs send the boolean as a string.
    const emailVerified = verified === false || verified === 'false' ? false : verified === true || verified === 'true' ? true : undefined
    return { sub: claims.sub, email: email?.trim() || undefined, emailVerified }
  }
}

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'no_account' | 'deactivated' }

/**
 * Opens a session for the pre-created, active account with this e-mail. Nobody is created here: an
 * unknown or deactivated address is refused, and the refusal is audited so the coordinator can see
 * who tried.
 */
export async function signInWithEmail(deps: Deps, email: string, meta: { ip: string; userAgent?: string; requestId?: string }): Promise<SignInResult> {
  const user = await findUserByEmail(deps.db, email)
  if (user && user.status === 'active') {
    return { ok: true, token: await openSession(deps, user, { ...meta, method: 'oidc' }) }
  }
  const reason = user ? 'deactivated' : 'no_account'
  await deps.db.transaction(async (tx) => {
    await audit(
      tx,
      { actor: { label: 'anonymous' }, requestId: meta.requestId },
      {
        action: 'session.oidc_refused',
        entityType: 'user',
        entityId: user?.id ?? null,
        organisationId: user?.organisationId ?? null,
        after: { email: email.trim().toLowerCase().slice(0, 200), reason, ip: meta.ip },
      },
    )
  })
  return { ok: false, reason }
}
