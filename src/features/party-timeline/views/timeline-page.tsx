import type { ComponentChildren } from 'preact'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatDate, formatNumber } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { collaborationsCrumbs } from '../../collaborations/index.ts'
import type { CollaborationTimeline, PartyTimeline, TimelineEvent } from '../party-timeline.service.ts'

type Row = 'membership' | 'groups' | 'plans' | 'followUps'
const ROWS: Row[] = ['membership', 'groups', 'plans', 'followUps']
const rowOf = (e: TimelineEvent): Row => (e.kind === 'seat' ? 'groups' : e.kind === 'planAdopted' ? 'plans' : 'membership')

function eventText(t: Translate, e: TimelineEvent): ComponentChildren {
  switch (e.kind) {
    case 'joined':
      return t('partyTimeline.events.joined')
    case 'left':
      return t('partyTimeline.events.left')
    case 'signed':
      return t('partyTimeline.events.signed', { version: e.versionNo })
    case 'seat':
      return (
        <>
          {t('partyTimeline.events.seat')} <a href={`/bodies/${e.bodyId}`}>{e.bodyName}</a>
        </>
      )
    case 'planAdopted':
      return (
        <>
          {t(`partyTimeline.planKinds.${e.planKind}`)} {t('partyTimeline.events.adopted')}: <a href={`/plans/${e.planId}`}>{e.title}</a>
        </>
      )
  }
}

/** One party: the kinds of event as rows, the period's years as columns, the events listed in each cell. */
function PartyTable({ party, years, index }: { party: PartyTimeline; years: number[]; index: number }) {
  const { t, locale } = usePage()
  const cell = (row: Row, year: number) => {
    if (row === 'followUps') {
      const f = party.followUps.find((x) => x.year === year)
      return f ? t('partyTimeline.events.followUps', { count: formatNumber(f.entries, locale) }) : '–'
    }
    const events = party.events.filter((e) => rowOf(e) === row && e.date.startsWith(String(year)))
    if (!events.length) return '–'
    return (
      <ul class="timeline-cell">
        {events.map((e) => (
          <li>
            <span class="timeline-cell__date">{formatDate(e.date, locale)}</span> {eventText(t, e)}
          </li>
        ))}
      </ul>
    )
  }
  return (
    <section aria-labelledby={`party-${index}`}>
      <h2 class="heading-m" id={`party-${index}`}>
        {party.name}
      </h2>
      <div class="table-wrap">
        <table class="table">
          <caption class="table__caption visually-hidden">{t('partyTimeline.tableCaption', { name: party.name })}</caption>
          <thead>
            <tr>
              <td />
              {years.map((y) => (
                <th scope="col">{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr>
                <th scope="row">{t(`partyTimeline.rows.${row}`)}</th>
                {years.map((y) => (
                  <td>{cell(row, y)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

const INK = '#0b0c0c'
const MARKS: Record<TimelineEvent['kind'], { shape: 'circle' | 'square' | 'diamond' | 'triangle'; fill: string }> = {
  joined: { shape: 'circle', fill: '#ffffff' },
  signed: { shape: 'circle', fill: '#1d4f91' },
  left: { shape: 'circle', fill: '#6f777b' },
  seat: { shape: 'square', fill: '#9fc3e7' },
  planAdopted: { shape: 'diamond', fill: '#00703c' },
}
const LEGEND: TimelineEvent['kind'][] = ['joined', 'signed', 'seat', 'planAdopted', 'left']

function Mark({ kind, x, y }: { kind: TimelineEvent['kind']; x: number; y: number }) {
  const m = MARKS[kind]
  if (m.shape === 'circle') return <circle cx={x} cy={y} r="5" fill={m.fill} stroke={INK} stroke-width="1.5" />
  if (m.shape === 'square') return <rect x={x - 4.5} y={y - 4.5} width="9" height="9" fill={m.fill} stroke={INK} stroke-width="1.5" />
  return <path d={`M${x} ${y - 6} L${x + 6} ${y} L${x} ${y + 6} L${x - 6} ${y} Z`} fill={m.fill} stroke={INK} stroke-width="1.5" />
}

/** The same events on one line per party (the tables above hold every event in words). */
function TimelineChart({ d }: { d: CollaborationTimeline }) {
  const { t, locale } = usePage()
  const id = 'party-timeline-chart'
  const labelW = 210
  const plotW = 460
  const rowH = 26
  const top = 10
  const height = top + d.parties.length * rowH + 28
  const start = Date.parse(`${d.collaboration.periodStart}T00:00:00Z`)
  const end = Date.parse(`${d.collaboration.periodEnd}T00:00:00Z`)
  const x = (date: string) => labelW + ((Date.parse(`${date}T00:00:00Z`) - start) / Math.max(1, end - start)) * plotW
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <p class="chart-title" id={`${id}-title`}>
        {t('partyTimeline.chart.title', { name: d.collaboration.name })}
      </p>
      <ul class="chart-legend">
        {LEGEND.map((k) => (
          <li>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <Mark kind={k} x={7} y={7} />
            </svg>
            {t(`partyTimeline.legend.${k}`)}
          </li>
        ))}
      </ul>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="chart-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelW + plotW + 20} ${height}`}
      >
        <title>{t('partyTimeline.chart.title', { name: d.collaboration.name })}</title>
        {d.years.map((y) => {
          const from = `${y}-01-01` < d.collaboration.periodStart ? d.collaboration.periodStart : `${y}-01-01`
          return (
            <g>
              <line x1={x(from)} y1={top - 4} x2={x(from)} y2={height - 22} stroke="#b1b4b6" stroke-width="1" />
              <text x={x(from) + 4} y={height - 6} font-size="12" fill={INK}>
                {y}
              </text>
            </g>
          )
        })}
        {d.parties.map((p, i) => {
          const y = top + i * rowH + rowH / 2
          return (
            <g>
              <text x={labelW - 8} y={y + 4} text-anchor="end" font-size="12" fill={INK}>
                {p.name}
              </text>
              <line x1={labelW} y1={y} x2={labelW + plotW} y2={y} stroke="#b1b4b6" stroke-width="1" />
              {p.events.map((e) => (
                <g>
                  <title>{`${formatDate(e.date, locale)}: ${plainText(t, e)}`}</title>
                  <Mark kind={e.kind} x={x(e.date)} y={y} />
                </g>
              ))}
            </g>
          )
        })}
      </svg>
      <figcaption>
        <span id={`${id}-desc`}>{t('partyTimeline.chart.description')}</span>
      </figcaption>
    </figure>
  )
}

function plainText(t: Translate, e: TimelineEvent): string {
  if (e.kind === 'seat') return `${t('partyTimeline.events.seat')} ${e.bodyName}`
  if (e.kind === 'planAdopted') return `${t(`partyTimeline.planKinds.${e.planKind}`)} ${t('partyTimeline.events.adopted')}: ${e.title}`
  return String(eventText(t, e))
}

/** /collaborations/:id/timeline: each party's signing, groups, plans and follow-up over the period. */
export function TimelinePage({ d }: { d: CollaborationTimeline }) {
  const { t } = usePage()
  const title = t('partyTimeline.title', { name: d.collaboration.name })
  const first = d.years[0]
  const last = d.years.at(-1)
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[
        ...collaborationsCrumbs(t),
        { href: `/collaborations/${d.collaboration.id}`, label: d.collaboration.name },
        { label: t('partyTimeline.crumb') },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('partyTimeline.lead', { first: first ?? '', last: last ?? '' })}</p>
      <p class="body">{t('partyTimeline.visibility')}</p>
      {d.parties.length > 0 && <TimelineChart d={d} />}
      {d.parties.length === 0 && <p class="body">{t('partyTimeline.noParties')}</p>}
      {d.parties.map((p, i) => (
        <PartyTable party={p} years={d.years} index={i} />
      ))}
    </Layout>
  )
}
