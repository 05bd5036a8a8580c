/**
 * Brå's knowledge-based work process (domain.md §3, issue 10 §2): five steps, each with its "klart
 * när" (done when) points. The checklist is code; a municipality–police-area pair's progress is
 * derived from what the platform holds (`auto` points, work-process.derive.ts) and from what users
 * record (work_process_checks, one row per pair and point).
 *
 * Keys are stable: they are stored in work_process_checks.check_key and appear in URLs. Labels and
 * explanations live in the locales (workProcess.points.<key>.label / .help), Swedish and English.
 */

export const STEP_KEYS = ['initiate', 'own-preparations', 'joint-preparations', 'implementation', 'follow-up'] as const
export type StepKey = (typeof STEP_KEYS)[number]

export const POINT_KEYS = [
  // 1 Initiera samverkan
  'joint-decision',
  'roles-mandates',
  // 2 Egna förberedelser
  'municipal-situation-report',
  'police-situation-report',
  'staff-dialogues',
  // 3 Gemensamma förberedelser
  'problems-prioritised',
  'citizen-dialogues',
  'cause-analysis',
  'agreement-signed',
  // 4 Genomförande
  'action-plan-adopted',
  'citizen-promise-published',
  'measures-documented',
  // 5 Uppföljning och återkoppling
  'results-followed-up',
  'reported-to-steering-group',
  'reported-to-citizens',
] as const
export type PointKey = (typeof POINT_KEYS)[number]

export interface Point {
  key: PointKey
  /** The platform ticks it from its own records; otherwise only a user's check can. */
  auto: boolean
}

export interface Step {
  key: StepKey
  /** 1–5, as Brå numbers them. */
  number: number
  points: readonly Point[]
}

const manual = (key: PointKey): Point => ({ key, auto: false })
const auto = (key: PointKey): Point => ({ key, auto: true })

export const STEPS: readonly Step[] = [
  { key: 'initiate', number: 1, points: [manual('joint-decision'), manual('roles-mandates')] },
  {
    key: 'own-preparations',
    number: 2,
    points: [auto('municipal-situation-report'), manual('police-situation-report'), manual('staff-dialogues')],
  },
  {
    key: 'joint-preparations',
    number: 3,
    points: [auto('problems-prioritised'), manual('citizen-dialogues'), auto('cause-analysis'), auto('agreement-signed')],
  },
  {
    key: 'implementation',
    number: 4,
    points: [auto('action-plan-adopted'), auto('citizen-promise-published'), auto('measures-documented')],
  },
  {
    key: 'follow-up',
    number: 5,
    points: [manual('results-followed-up'), manual('reported-to-steering-group'), auto('reported-to-citizens')],
  },
]

export const ALL_POINTS: readonly (Point & { step: StepKey })[] = STEPS.flatMap((s) => s.points.map((p) => ({ ...p, step: s.key })))

export const isPointKey = (v: unknown): v is PointKey => typeof v === 'string' && (POINT_KEYS as readonly string[]).includes(v)

export const pointOf = (key: PointKey) => ALL_POINTS.find((p) => p.key === key)!
