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

  document(baseUrl: string) {
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
          400: { $ref: '#/components/responses/Problem' },
          401: { $ref: '#/components/responses/Problem' },
          403: { $ref: '#/components/responses/Problem' },
        },
      }
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Tillsammans API',
        version: '1.0.0',
        description:
          'JSON API for machine clients. Authenticate with `Authorization: Bearer <token>`; tokens are created by administrators. Errors are application/problem+json (RFC 9457).',
      },
      servers: [{ url: baseUrl }],
      paths,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tm_session' },
        },
        responses: {
          Problem: {
            description: 'Problem details',
            content: {
              'application/problem+json': {
                schema: {
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
          },
        },
      },
    }
  }
}

function toSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>
  return rest
}
