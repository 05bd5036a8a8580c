import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'

/**
 * A tiny but real OpenID Provider for tests: discovery, an /authorize that "logs in" at once as the
 * person the test chose, a /token endpoint that checks the client secret and the PKCE verifier the way
 * an IdP does, RS256-signed ID tokens, JWKS and userinfo. The app under test talks to it over real HTTP,
 * so openid-client's own checks (issuer, audience, nonce, signature, state) all run.
 */
export interface MockLogin {
  email?: string
  emailVerified?: boolean
  name?: string
  sub?: string
  /** Answer the authorization request with error=access_denied (the person pressed "cancel"). */
  deny?: boolean
  /** Put the e-mail only in the userinfo response, as some IdPs do, not in the ID token. */
  emailOnlyInUserinfo?: boolean
  /** Sign the ID token with a key that is not in the JWKS, as a forger would. */
  foreignKey?: boolean
}

export interface TokenRequestLog {
  auth: 'client_secret_basic' | 'client_secret_post' | 'none'
  status: number
  error?: string
}

interface PendingCode extends MockLogin {
  clientId: string
  redirectUri: string
  challenge: string
  nonce?: string
}

export interface MockOidcProvider {
  issuer: string
  port: number
  /** Who the next /authorize call signs in as. */
  login: MockLogin
  tokenRequests: TokenRequestLog[]
  close(): Promise<void>
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url')

export async function startMockOidcProvider(opts: {
  clientId: string
  clientSecret: string
  port?: number
  authMethods?: string[]
}): Promise<MockOidcProvider> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomBytes(8).toString('hex')
  const codes = new Map<string, PendingCode>()
  const accessTokens = new Map<string, PendingCode>()
  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true })
  let issuer = ''
  const state: MockOidcProvider = {
    issuer: '',
    port: 0,
    login: { email: 'person@test.invalid' },
    tokenRequests: [],
    close: () => app.close(),
  }

  // RSASSA-PKCS1-v1_5 with SHA-256 is what node:crypto's sign() does with an RSA key: that is RS256.
  const signJwt = (payload: Record<string, unknown>, key = privateKey) => {
    const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`
    return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`
  }

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  app.get('/.well-known/openid-configuration', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    userinfo_endpoint: `${issuer}/userinfo`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: opts.authMethods ?? ['client_secret_basic', 'client_secret_post'],
  }))

  app.get('/jwks', async () => ({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] }))

  app.get('/authorize', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>
    const back = new URL(q.redirect_uri ?? 'http://invalid.invalid/')
    if (q.state) back.searchParams.set('state', q.state)
    const bad =
      q.client_id !== opts.clientId ||
      q.response_type !== 'code' ||
      q.code_challenge_method !== 'S256' ||
      !q.code_challenge ||
      !q.scope?.split(' ').includes('openid')
    if (bad || !q.redirect_uri) return reply.code(400).send({ error: 'invalid_request' })
    if (state.login.deny) {
      back.searchParams.set('error', 'access_denied')
      return reply.redirect(back.href, 302)
    }
    const code = randomBytes(16).toString('base64url')
    codes.set(code, { ...state.login, clientId: q.client_id!, redirectUri: q.redirect_uri, challenge: q.code_challenge!, nonce: q.nonce })
    back.searchParams.set('code', code)
    return reply.redirect(back.href, 302)
  })

  app.post('/token', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>
    const refuse = (status: number, error: string, auth: TokenRequestLog['auth']) => {
      state.tokenRequests.push({ auth, status, error })
      return reply.code(status).header('cache-control', 'no-store').send({ error })
    }
    // client_secret_basic form-urlencodes id and secret before base64 (RFC 6749 §2.3.1).
    let auth: TokenRequestLog['auth'] = 'none'
    let clientId = body.client_id
    let secret: string | undefined
    const header = req.headers.authorization
    if (header?.startsWith('Basic ')) {
      const [id, pw] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
      const decode = (s = '') => decodeURIComponent(s.replace(/\+/g, ' '))
      ;[auth, clientId, secret] = ['client_secret_basic', decode(id), decode(pw)]
    } else if (body.client_secret) {
      ;[auth, secret] = ['client_secret_post', body.client_secret]
    }
    if (clientId !== opts.clientId || secret !== opts.clientSecret) return refuse(401, 'invalid_client', auth)
    if (body.grant_type !== 'authorization_code') return refuse(400, 'unsupported_grant_type', auth)
    const pending = codes.get(body.code)
    codes.delete(body.code) // a code is good for one attempt only
    if (!pending || pending.clientId !== clientId || pending.redirectUri !== body.redirect_uri) return refuse(400, 'invalid_grant', auth)
    const challenge = createHash('sha256')
      .update(body.code_verifier ?? '')
      .digest('base64url')
    if (challenge !== pending.challenge) return refuse(400, 'invalid_grant', auth)

    const now = Math.floor(Date.now() / 1000)
    const accessToken = randomBytes(24).toString('base64url')
    accessTokens.set(accessToken, pending)
    const emailClaims =
      pending.emailOnlyInUserinfo || pending.email === undefined ? {} : { email: pending.email, email_verified: pending.emailVerified ?? true }
    const idToken = signJwt(
      {
        iss: issuer,
        aud: clientId,
        sub: pending.sub ?? `sub-${pending.email ?? 'none'}`,
        nonce: pending.nonce,
        iat: now,
        exp: now + 300,
        name: pending.name,
        ...emailClaims,
      },
      pending.foreignKey ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : privateKey,
    )
    state.tokenRequests.push({ auth, status: 200 })
    return reply.header('cache-control', 'no-store').send({ access_token: accessToken, token_type: 'Bearer', expires_in: 300, id_token: idToken })
  })

  app.get('/userinfo', async (req, reply) => {
    const pending = accessTokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '')
    if (!pending) return reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send()
    return { sub: pending.sub ?? `sub-${pending.email ?? 'none'}`, email: pending.email, email_verified: pending.emailVerified ?? true }
  })

  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 })
  const address = app.server.address()
  state.port = typeof address === 'object' && address ? address.port : 0
  issuer = `http://127.0.0.1:${state.port}`
  state.issuer = issuer
  return state
}
