import { usePage } from '../../../platform/views/page-context.ts'
import { type DiagramBody, type TreeNode, bodyTree, layoutStructure } from '../../collaborations/index.ts'
import type { MunicipalBody } from '../municipal-models.repo.ts'
import type { MunicipalBodyKind } from '../municipal-models.tables.ts'

// The county structure's layout ranks bodies by the collaboration's kinds; a municipality's
// ledningsgrupp sits on top like a styrgrupp, a lokalt BRÅ next, a trygghetsråd and others below.
const AS_LAYOUT_KIND: Record<MunicipalBodyKind, DiagramBody['kind']> = {
  management_group: 'steering',
  local_bra: 'preparation',
  safety_council: 'local_council',
  other: 'other',
}
const FILL: Record<MunicipalBodyKind, string> = { management_group: '#d2e2f1', local_bra: '#e8f1f8', safety_council: '#ffffff', other: '#f3f2f1' }
const INK = '#0b0c0c'

type SketchBody = DiagramBody & { source: MunicipalBody }

function TextList({ nodes }: { nodes: TreeNode<SketchBody>[] }) {
  const { t } = usePage()
  return (
    <ul class="structure-list">
      {nodes.map(({ body, children }) => (
        <li>
          <a href={`#body-${body.id}`}>{body.name}</a> ({t(`municipalModels.kinds.${body.source.kind}`)}){children.length > 0 && <TextList nodes={children} />}
        </li>
      ))}
    </ul>
  )
}

/**
 * The municipality's organisation sketch, drawn with the county structure's geometry (boxes in
 * levels by reporting line): an SVG with a title and description, and the same as a nested list.
 */
export function MunicipalSketch({ name, bodies }: { name: string; bodies: MunicipalBody[] }) {
  const { t } = usePage()
  const items: SketchBody[] = bodies.map((b) => ({
    id: b.id,
    name: b.name,
    kind: AS_LAYOUT_KIND[b.kind],
    parentBodyId: b.parentId,
    isExample: false,
    source: b,
  }))
  const byId = new Map(items.map((b) => [b.id, b]))
  const layout = layoutStructure(items, [], { kind: () => '', partiesHeading: '', convenorSuffix: '' })
  // The county picture ends with a frame of parties; a municipality's sketch stops above it.
  const height = Math.max(80, layout.parties.y)
  const title = t('municipalModels.sketch.title', { name })
  return (
    <section class="structure" aria-labelledby="sketch-heading">
      <h2 class="heading-m" id="sketch-heading">
        {title}
      </h2>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-labelledby="sketch-title sketch-desc"
        viewBox={`0 0 ${layout.width} ${height}`}
        width="100%"
        focusable="false"
        class="structure__diagram"
      >
        <title id="sketch-title">{title}</title>
        <desc id="sketch-desc">{t('municipalModels.sketch.desc', { bodies: bodies.length, levels: layout.levels })}</desc>
        {layout.connectors.map((c) => (
          <polyline points={c.points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="#505a5f" stroke-width="2" />
        ))}
        {layout.boxes.map((b) => {
          const kind = byId.get(b.id)!.source.kind
          return (
            <g>
              <rect
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                rx="4"
                fill={FILL[kind]}
                stroke={INK}
                stroke-width={kind === 'management_group' ? 3 : 1.5}
              />
              <text x={b.x + b.width / 2} y={b.y + 24} text-anchor="middle" font-size="15" font-weight="700" fill={INK}>
                {b.nameLines.map((line, i) => (
                  <tspan x={b.x + b.width / 2} dy={i === 0 ? 0 : 18}>
                    {line}
                  </tspan>
                ))}
              </text>
              <text x={b.x + b.width / 2} y={b.y + b.height - 12} text-anchor="middle" font-size="13" fill={INK}>
                {t(`municipalModels.kinds.${kind}`)}
              </text>
            </g>
          )
        })}
      </svg>
      <h3 class="heading-s">{t('municipalModels.sketch.asText')}</h3>
      <TextList nodes={bodyTree(items)} />
    </section>
  )
}
