import { usePage } from '../../../platform/views/page-context.ts'
import { ConvenorHistory, type ConvenorRow } from '../../bodies/index.ts'
import { type DiagramBody, type DiagramParty, type TreeNode, bodyTree, layoutStructure } from '../structure-diagram.ts'

export type StructureBody = DiagramBody & { mandate: string; theme: string | null; activeFrom?: string | null }

// Colours are presentation attributes (the CSP allows no inline styles); text is never coloured
// alone, and the light fills keep their contrast on paper, where print.css cannot reach inside SVG.
const FILL: Record<DiagramBody['kind'], string> = {
  steering: '#d2e2f1',
  preparation: '#e8f1f8',
  working_group: '#ffffff',
  network: '#f3f2f1',
  local_council: '#ffffff',
  other: '#ffffff',
}
const INK = '#0b0c0c'

function BodyList({ nodes, bodyHref, convenors = [] }: { nodes: TreeNode<StructureBody>[]; bodyHref?: (id: string) => string; convenors?: ConvenorRow[] }) {
  const { t } = usePage()
  // The kind, unless the name already says it ("Styrgrupp"), and whether it is an example.
  const details = (b: StructureBody) =>
    [t(`bodies.kinds.${b.kind}`), b.isExample ? t('bodies.example') : ''].filter((d, i) => d && !(i === 0 && d.toLowerCase() === b.name.toLowerCase()))
  return (
    <ul class="structure-list">
      {nodes.map(({ body, children }) => (
        <li>
          {bodyHref ? <a href={bodyHref(body.id)}>{body.name}</a> : <strong>{body.name}</strong>}
          {details(body).length > 0 && ` (${details(body).join(', ')})`}
          {body.theme ? ` – ${t('bodies.fields.theme').toLowerCase()}: ${body.theme}` : ''}
          {body.mandate && <p class="body-s">{body.mandate}</p>}
          {convenors.some((c) => c.bodyId === body.id) && (
            // Every period, with the unrecorded years said to be unknown (issue 6 B7).
            <div class="body-s">
              {t('bodies.convenors.title')}:
              <ConvenorHistory activeFrom={body.activeFrom ?? null} convenors={convenors.filter((c) => c.bodyId === body.id)} class="body-s" />
            </div>
          )}
          {children.length > 0 && <BodyList nodes={children} bodyHref={bodyHref} convenors={convenors} />}
        </li>
      ))}
    </ul>
  )
}

/**
 * The structure as an SVG picture (role="img" with a title and description) followed by the same
 * content as nested lists, which is what screen readers and text-only readers use.
 */
export function StructureDiagram({
  shortName,
  bodies,
  parties,
  bodyHref,
  convenors,
  idPrefix = 'structure',
}: {
  shortName: string
  bodies: StructureBody[]
  parties: DiagramParty[]
  convenors?: ConvenorRow[]
  bodyHref?: (id: string) => string
  idPrefix?: string
}) {
  const { t } = usePage()
  const layout = layoutStructure(bodies, parties, {
    kind: (k) => t(`bodies.kinds.${k}`),
    partiesHeading: t('collaborations.structure.parties'),
    convenorSuffix: t('collaborations.structure.convenorSuffix'),
  })
  const title = t('collaborations.structure.title', { name: shortName })
  const desc = t('collaborations.structure.desc', { bodies: bodies.length, levels: layout.levels, parties: parties.length })
  return (
    <section class="structure" aria-labelledby={`${idPrefix}-heading`}>
      <h2 class="heading-m" id={`${idPrefix}-heading`}>
        {title}
      </h2>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        focusable="false"
        class="structure__diagram"
      >
        <title id={`${idPrefix}-title`}>{title}</title>
        <desc id={`${idPrefix}-desc`}>{desc}</desc>
        {layout.connectors.map((c) => (
          <polyline points={c.points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="#505a5f" stroke-width="2" />
        ))}
        {layout.boxes.map((b) => (
          <g>
            <rect
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              rx="4"
              fill={FILL[b.kind]}
              stroke={INK}
              stroke-width={b.kind === 'steering' ? 3 : 1.5}
              stroke-dasharray={b.isExample ? '6 4' : undefined}
            />
            <text x={b.x + b.width / 2} y={b.y + 24} text-anchor="middle" font-size="15" font-weight="700" fill={INK}>
              {b.nameLines.map((line, i) => (
                <tspan x={b.x + b.width / 2} dy={i === 0 ? 0 : 18}>
                  {line}
                </tspan>
              ))}
            </text>
            <text x={b.x + b.width / 2} y={b.y + b.height - 12} text-anchor="middle" font-size="13" fill={INK}>
              {[b.kindLabel, b.isExample ? t('bodies.example') : ''].filter(Boolean).join(' · ')}
            </text>
          </g>
        ))}
        <rect
          x={layout.parties.x}
          y={layout.parties.y}
          width={layout.parties.width}
          height={layout.parties.height}
          rx="4"
          fill="#ffffff"
          stroke={INK}
          stroke-width="1.5"
        />
        <text x={layout.parties.heading.x} y={layout.parties.heading.y} font-size="15" font-weight="700" fill={INK}>
          {layout.parties.heading.text}
        </text>
        {layout.parties.lines.map((l) => (
          <text x={l.x} y={l.y} font-size="13" fill={INK}>
            {l.text}
          </text>
        ))}
      </svg>
      <h3 class="heading-s">{t('collaborations.structure.asText')}</h3>
      <BodyList nodes={bodyTree(bodies)} bodyHref={bodyHref} convenors={convenors} />
      <h4 class="heading-s">{t('collaborations.structure.parties')}</h4>
      <ul class="structure-list">
        {[...parties]
          .sort((a, b) => Number(b.isConvenor) - Number(a.isConvenor))
          .map((p) => (
            <li>{p.isConvenor ? `${p.name} ${t('collaborations.structure.convenorSuffix')}` : p.name}</li>
          ))}
      </ul>
    </section>
  )
}
