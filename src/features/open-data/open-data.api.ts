import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { type Column, DATASETS, type Dataset } from './datasets.ts'
import { LICENCE_URL } from './formats.ts'

const BASE: Record<Column['type'], () => z.ZodType> = {
  text: () => z.string(),
  integer: () => z.number().int(),
  decimal: () => z.number(),
  boolean: () => z.boolean(),
  date: () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  datetime: () => z.string(),
  uuid: () => z.uuid(),
  url: () => z.string(),
}

/** A dataset's item schema, built from the same column list as the CSV and the README. */
function itemSchema(d: Dataset) {
  return z.object(Object.fromEntries(d.columns.map((c) => [c.name, (c.nullable ? BASE[c.type]().nullable() : BASE[c.type]()).describe(c.sv)])))
}

/** The open data as JSON (issue 10 §7): one public operation per dataset, each in the OpenAPI document. */
export function openDataApi(app: FastifyInstance, deps: Deps) {
  const en = translator('en')
  for (const d of DATASETS) {
    deps.api.route(
      app,
      {
        method: 'GET',
        url: `/api/v1/open-data/${d.key}`,
        policy: 'public',
        summary: `Open data: ${en(`openData.datasets.${d.key}.title`)}`,
        description: `${en(`openData.datasets.${d.key}.description`)} Licence CC0 1.0. The same records as /open-data/${d.key}.csv; field descriptions (Swedish) in /open-data/README.txt.`,
        tags: ['open-data'],
        response: z.object({
          dataset: z.literal(d.key),
          licence: z.literal(LICENCE_URL),
          items: z.array(itemSchema(d)),
        }),
      },
      async () => ({ dataset: d.key, licence: LICENCE_URL, items: await d.load(deps) }),
    )
  }
}
