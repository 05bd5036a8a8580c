import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { GroupView } from './suppression.ts'
import { areaCell, listReadableSurveys } from './surveys.service.ts'
import { SURVEY_KINDS } from './surveys.tables.ts'

const Survey = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(SURVEY_KINDS),
  attribution: z.string(),
  suppressionThreshold: z.number().int(),
  synthetic: z.boolean().describe('Demo data made up by a seeded generator, not a real survey.'),
  questions: z.array(z.object({ key: z.string(), text: z.string(), reported: z.array(z.string()) })).optional(),
})

const Group = z.object({
  group: z.enum(['kvinna', 'man', 'alla']),
  suppressed: z.boolean().describe('Fewer respondents than the survey’s threshold (or hidden so that another cell cannot be derived): no numbers.'),
  n: z.number().int().nullable().optional(),
  share: z.number().optional().describe('Weighted share 0–1 of the respondents who gave a reported answer.'),
  ci_low: z.number().nullable().optional(),
  ci_high: z.number().nullable().optional(),
  se: z.number().nullable().optional(),
})

const EstimatesQuery = z.object({
  area: z
    .string()
    .regex(/^(\d{2}|\d{4})$/)
    .describe('A kommunkod (0580) or a county code (05).'),
  year: z.coerce.number().int().min(1900).max(2100),
  question: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
})

const groupJson = (g: GroupView): z.infer<typeof Group> =>
  g.suppressed
    ? { group: g.group, suppressed: true }
    : {
        group: g.group,
        suppressed: false,
        n: g.showN ? g.estimate.n : null,
        share: g.estimate.share,
        ci_low: g.estimate.ciLow,
        ci_high: g.estimate.ciHigh,
        se: g.estimate.se,
      }

/** Survey estimates as JSON (issue 9 §6): aggregates only, with the same suppression as the pages. */
export function surveysApi(app: FastifyInstance, deps: Deps) {
  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/surveys',
      policy: 'public',
      summary: 'Surveys the caller may read',
      description: 'Public surveys for anyone; surveys kept to the county’s parties or to their organisation for those callers.',
      tags: ['surveys'],
      response: z.object({ items: z.array(Survey) }),
    },
    async (req) => ({
      items: (await listReadableSurveys(deps, req.actor)).map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        attribution: s.attribution,
        suppressionThreshold: s.suppressionThreshold,
        synthetic: s.isSynthetic,
      })),
    }),
  )

  deps.api.route<z.output<typeof EstimatesQuery>>(
    app,
    {
      method: 'GET',
      url: '/api/v1/surveys/:surveyId/estimates',
      policy: 'public',
      summary: 'Estimates by gender for one area, year and question',
      description:
        'Weighted shares of women, men and everyone with 95 % logit intervals (t on n − 1 df), and the women − men difference with its interval and two-sided p-value, computed as ../shared/statistics.md says. Shares are fractions 0–1. A group below the survey’s threshold is `suppressed: true` with no numbers; when one of women and men is suppressed the other is too, and the difference is null.',
      tags: ['surveys'],
      query: EstimatesQuery,
      response: z.object({
        survey: z.object({ id: z.uuid(), name: z.string(), attribution: z.string() }),
        area: z.string(),
        year: z.number().int(),
        question: z.object({ key: z.string(), text: z.string(), reported: z.array(z.string()) }),
        groups: z.array(Group).describe('Empty when the survey has no answers for the area, year and question.'),
        difference: z.object({ estimate: z.number(), ci_low: z.number(), ci_high: z.number(), p_value: z.number(), df: z.number().int() }).nullable(),
      }),
    },
    async (req, { query }) => {
      const { ctx, view } = await areaCell(deps, req.actor, paramsOf(req).surveyId, query.area, query.year, query.question)
      const q = ctx.questions.find((x) => x.key === query.question)!
      const d = view?.difference ?? null
      return {
        survey: { id: ctx.survey.id, name: ctx.survey.name, attribution: ctx.survey.attribution },
        area: query.area,
        year: query.year,
        question: { key: q.key, text: q.text, reported: q.reported },
        groups: view ? view.groups.map(groupJson) : [],
        difference: d ? { estimate: d.estimate, ci_low: d.ciLow, ci_high: d.ciHigh, p_value: d.pValue, df: d.df } : null,
      }
    },
  )
}
