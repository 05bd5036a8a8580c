import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { issuesToProblems } from '../forms/parse-form.ts'
import { sendProblem } from '../http/error-handler.tsx'

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Fastify path, e.g. /api/v1/organisations/:id */
  url: string
  policy: string
  summary: string
  description?: string
  tags: string[]
  query?: z.ZodObject
  body?: z.ZodType
  response: z.ZodType
  /** Statuses beyond the ones every operation of its kind can answer (see `statusesOf`), e.g. 409. */
  errors?: number[]
}

/** What the document says about the installation it comes from. */
export interface DocumentInfo {
  baseUrl: string
  contactEmail: string
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** One line per tag, shown by API browsers above the operations. A tag not listed here gets a generic line. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  accounts: 'The authenticated account.',
  'citizen-promises': 'Public medborgarlöften (citizen promises) with their published follow-up summaries; no authentication.',
  collaborations: 'Collaborations, their parties and bodies.',
  compliance: "Each party's commitments under the programme declaration, evaluated.",
  indicators:
    'Crime and safety indicators (Brå, NTU, surveys) and their aggregate observations, with per 100 000 inhabitants; public statistics, no authentication.',
  meetings: 'Meetings of the bodies, their agenda and attendance.',
  methods: 'The library of crime prevention methods curated by the county administrative boards, with the municipalities that use them; no authentication.',
  'open-data':
    'Open data: everything public as bulk datasets (also as CSV under /open-data, described by the DCAT-AP-SE catalogue /open-data/catalog.rdf); licence CC0 1.0; no authentication.',
  organisations: 'Counties, municipalities, police units and the other organisations that can be parties.',
  seats: 'Members and representatives in the bodies, and the people who hold them.',
  signatures: "The programme declaration: each party's decision and signature.",
}

/**
 * The error statuses an operation can answer, from what it is: a malformed query, body or path
 * parameter is 400; a protected route 401/403; a path naming a record 404 when there is none; a
 * write 409 on a stale version or a conflicting record, 413 over the body limit and 415 for a body
 * that is not JSON; every route 429 past the rate limit and 500 on a fault.
 */
export function statusesOf(op: Pick<Operation, 'method' | 'url' | 'policy' | 'query' | 'body' | 'errors'>): number[] {
  const hasPathParams = /:\w+/.test(op.url)
  const write = WRITES.has(op.method)
  const statuses = new Set<number>(op.errors ?? [])
  if (op.query || op.body || hasPathParams) statuses.add(400)
  if (op.policy !== 'public') for (const s of [401, 403]) statuses.add(s)
  if (hasPathParams) statuses.add(404)
  if (write) for (const s of [409, 413, 415]) statuses.add(s)
  for (const s of [429, 500]) statuses.add(s)
  return [...statuses].sort((a, b) => a - b)
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'The query, path or body is not valid; `errors` names each field.',
  401: 'No valid session or bearer token.',
  403: 'The account or token may not do this.',
  404: 'No such record, or not one the caller may see.',
  409: 'A conflict: the record changed since the given `version`, or the change breaks a rule about other records.',
  413: 'The request body is too large.',
  415: 'The request body is not JSON.',
  429: 'Too many requests; try again after the number of seconds in `Retry-After`.',
  500: 'An unexpected fault; `requestId` identifies it in the log.',
}

/**
 * The JSON API's own registry: each endpoint is declared once with Zod schemas, which validate the
 * request and feed the OpenAPI 3.1 document, so the documentation cannot drift from the code.
 */
export class ApiRegistry {
  private readonly operations: Operation[] = []

  route<Q = unknown, B = unknown>(
    app: FastifyInstance,
    op: Operation,
    handler: (req: FastifyRequest, input: { query: Q; body: B }, reply: FastifyReply) => Promise<unknown>,
  ): void {
    this.operations.push(op)
    app.route({
      method: op.method,
      url: op.url,
      config: { policy: op.policy },
      handler: async (req, reply) => {
        const query = op.query ? op.query.safeParse(req.query ?? {}) : { success: true as const, data: undefined }
        const body = op.body ? op.body.safeParse(req.body) : { success: true as const, data: undefined }
        const failed = !query.success ? query.error : !body.success ? body.error : undefined
        if (failed) {
          return sendProblem(reply, 400, req.t('platform.errors.badRequestTitle'), { errors: issuesToProblems(failed, req.t) })
        }
        const result = await handler(req, { query: query.data as Q, body: body.data as B }, reply)
        return reply.sent ? reply : reply.send(result)
      },
    })
  }

  document({ baseUrl, contactEmail }: DocumentInfo) {
    const paths: Record<string, Record<string, unknown>> = {}
    for (const op of this.operations) {
      const path = op.url.replace(/:(\w+)/g, '{$1}')
      const pathParams = [...op.url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }))
      const queryParams = op.query
        ? Object.entries(op.query.shape).map(([name, schema]) => ({
            name,
            in: 'query',
            required: !(schema as z.ZodType).safeParse(undefined).success,
            schema: toSchema(schema as z.ZodType, 'input'),
          }))
        : []
      paths[path] ??= {}
      paths[path][op.method.toLowerCase()] = {
        summary: op.summary,
        description: op.description,
        tags: op.tags,
        operationId: `${op.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
        security: op.policy === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
        parameters: [...pathParams, ...queryParams],
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input') } } } } : {}),
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: toSchema(op.response, 'output') } } },
          ...Object.fromEntries(statusesOf(op).map((status) => [status, problemResponse(status)])),
        },
      }
    }
    const tags = [...new Set(this.operations.flatMap((op) => op.tags))].sort()
    return {
      openapi: '3.1.0',
      info: {
        title: 'Tillsammans API',
        version: '1.0.0',
        description:
          'JSON API for machine clients. Authenticate with `Authorization: Bearer <token>`; tokens are created by administrators. Errors are application/problem+json (RFC 9457).',
        contact: { name: 'Tillsammans', email: contactEmail, url: `${baseUrl}/about` },
        // No open licence has been chosen for the platform; the document says so rather than guess one.
        license: { name: 'Proprietary – no open licence granted', url: `${baseUrl}/about` },
      },
      servers: [{ url: baseUrl, description: 'This installation (BASE_URL)' }],
      tags: tags.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `Endpoints about ${name}.` })),
      paths,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tm_session' },
        },
        schemas: {
          Problem: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              instance: { type: 'string' },
              requestId: { type: 'string' },
              errors: {
                type: 'array',
                items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
              },
            },
            required: ['title', 'status'],
          },
        },
      },
    }
  }
}

function problemResponse(status: number) {
  return {
    description: STATUS_DESCRIPTIONS[status] ?? 'Problem details',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
  }
}

function toSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>
  return rest
}
