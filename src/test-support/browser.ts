import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

/**
 * A cookie-keeping client over app.inject(): it behaves like a browser without JavaScript, reads the
 * CSRF token from the last page it saw and sends forms url-encoded, as a real form post would.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, string>()
  csrf = ''

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === ''
      if (expired) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (token) this.csrf = token[1]
    return res
  }

  cookie(name: string) {
    return this.cookies.get(name)
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { ...this.headers, cookie: this.cookieHeader(), ...headers } }))
  }

  /** Posts a form; the CSRF token of the last page is added unless the fields carry their own `_csrf`. */
  async post(url: string, fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) {
    const body = new URLSearchParams()
    if (!('_csrf' in fields)) body.append('_csrf', this.csrf)
    for (const [k, v] of Object.entries(fields)) for (const item of ([] as string[]).concat(v)) body.append(k, item)
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    )
  }

  /**
   * Any method with the browser's cookies and a JSON or multipart body, exactly as given (no token
   * added): for the tests that prove what happens without one.
   */
  async request(
    method: string,
    url: string,
    opts: { json?: unknown; form?: Record<string, string>; multipart?: Record<string, string>; raw?: string | Buffer; headers?: Record<string, string> } = {},
  ) {
    let payload: string | Buffer | undefined = opts.raw
    const headers: Record<string, string> = { ...this.headers, cookie: this.cookieHeader() }
    if (opts.json !== undefined) {
      payload = JSON.stringify(opts.json)
      headers['content-type'] = 'application/json'
    } else if (opts.form) {
      payload = new URLSearchParams(opts.form).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else if (opts.multipart) {
      const boundary = '----tillsammans-test-boundary'
      const parts = Object.entries(opts.multipart).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      payload = Buffer.from(`${parts.join('')}--${boundary}--\r\n`)
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`
    }
    return this.remember(await this.app.inject({ method: method as 'POST', url, payload, headers: { ...headers, ...opts.headers } }))
  }

  /** Signs in through the login form, as a person would. */
  async login(email: string, password: string) {
    await this.get('/login')
    const res = await this.post('/login', { email, password })
    if (res.statusCode !== 303) throw new Error(`login failed for ${email}: ${res.statusCode}`)
    await this.get('/')
    return res
  }
}

/** A browser already signed in as the given user. */
export async function signedIn(app: FastifyInstance, user: { email: string; password: string }): Promise<TestBrowser> {
  const b = new TestBrowser(app)
  await b.login(user.email, user.password)
  return b
}
