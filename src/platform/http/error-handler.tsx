import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.ts'
import { Layout } from '../views/layout.tsx'
import { DomainError } from './errors.ts'

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/')

/** RFC 9457 problem details; `errors` lists field problems for 400s. */
export function sendProblem(reply: FastifyReply, status: number, title: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title, status, instance: reply.request.url, requestId: reply.request.id, ...extra })
}

function ErrorPage({ title, body, reference }: { title: string; body: string; reference?: string }) {
  return (
    <Layout title={title}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{body}</p>
      {reference && <p class="body">{reference}</p>}
      <p class="body">
        <a href="/">Tillsammans</a>
      </p>
    </Layout>
  )
}

const STATUS_KEYS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'staleVersion',
  413: 'tooLarge',
  415: 'badRequest',
  429: 'tooManyRequests',
  500: 'server',
}

/** The title that goes with a message key, or the status's own title when the key has none. */
function titleOf(req: FastifyRequest, key: string, statusKey: string): string {
  const title = req.t(`${key}Title`)
  return title === `${key}Title` ? req.t(`${statusKey}Title`) : title
}

/** Swedish (or English) error pages and problem+json; raw error text and stacks never reach the user. */
export function installErrorHandlers(app: FastifyInstance, _deps: Deps) {
  app.setErrorHandler((error: FastifyError | DomainError, req, reply) => {
    const domain = error instanceof DomainError ? error : undefined
    let status = domain?.status ?? (error as FastifyError).statusCode ?? 500
    if (status < 400 || status > 599) status = 500
    if (status >= 500) req.log.error({ err: error }, 'request failed')
    else req.log.info({ code: domain?.code ?? (error as FastifyError).code, status }, 'request refused')

    // A browser without a session is sent to the login page and brought back afterwards.
    if (status === 401 && !isApi(req) && req.method === 'GET') {
      return reply.redirect(`/login?return=${encodeURIComponent(req.url)}`, 303)
    }
    const statusKey = `platform.errors.${STATUS_KEYS[status] ?? (status >= 500 ? 'server' : 'badRequest')}`
    const key = domain ? domain.messageKey : statusKey
    // req.t is missing when the request failed before the platform's first hook (a malformed URL).
    const hasT = (req.t as typeof req.t | undefined) !== undefined
    const title = hasT ? titleOf(req, domain?.field ? 'platform.errors.badRequest' : key, statusKey) : 'Error'
    const detail = req.t ? req.t(key, domain?.params) : ''
    if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60')
    if (isApi(req) || !req.t) {
      const code = domain?.code ?? (error as FastifyError).code
      // A rule violation naming a field reads like a schema error: `errors[{ path, code, message }]`.
      const errors = domain?.field ? { errors: [{ path: domain.field, code, message: detail }] } : {}
      return sendProblem(reply, status, title, { detail, code, ...errors })
    }
    const reference = status >= 500 ? req.t('platform.errors.reference', { id: req.id }) : undefined
    return reply.page(<ErrorPage title={title} body={detail} reference={reference} />, status)
  })

  app.setNotFoundHandler({ preHandler: undefined }, (req, reply) => {
    const title = req.t('platform.errors.notFoundTitle')
    if (isApi(req)) return sendProblem(reply, 404, title, { detail: req.t('platform.errors.notFound') })
    return reply.page(<ErrorPage title={title} body={req.t('platform.errors.notFound')} />, 404)
  })
}
