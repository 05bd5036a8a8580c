/**
 * "Struktur för ÖTMB" drawn from the data: bodies as boxes in levels by reporting line, connectors
 * for the reporting lines, and the parties below. Pure geometry (no DOM, no JavaScript on the client)
 * so the page renders it as plain SVG that prints, and so it can be unit-tested.
 */
import { compareSv } from '../../platform/i18n/collate.ts'
import type { BodyKind } from '../bodies/bodies.tables.ts'

export interface DiagramBody {
  id: string
  name: string
  kind: BodyKind
  parentBodyId: string | null
  isExample: boolean
}

export interface DiagramParty {
  name: string
  isConvenor: boolean
}

export interface DiagramLabels {
  kind: (kind: BodyKind) => string
  partiesHeading: string
  convenorSuffix: string
}

export interface Box {
  id: string
  x: number
  y: number
  width: number
  height: number
  level: number
  nameLines: string[]
  kindLabel: string
  kind: BodyKind
  isExample: boolean
}

export interface Connector {
  from: string
  to: string
  points: [number, number][]
}

export interface StructureLayout {
  width: number
  height: number
  boxes: Box[]
  connectors: Connector[]
  parties: {
    x: number
    y: number
    width: number
    height: number
    heading: { x: number; y: number; text: string }
    lines: { x: number; y: number; text: string }[]
  }
  levels: number
}

/** Where a body sits when it reports to nobody shown: steering on top, preparation next, the rest below. */
export const KIND_RANK: Record<BodyKind, number> = { steering: 0, preparation: 1, working_group: 2, network: 2, local_council: 2, other: 2 }

export const WIDTH = 960
const MARGIN = 20
const COLS = 4
const GAP_X = 20
const BOX_W = (WIDTH - 2 * MARGIN - (COLS - 1) * GAP_X) / COLS
const LEVEL_GAP = 48
const ROW_GAP = 28
const LINE = 18
const PARTY_COLS = 3
const PARTY_LINE = 20

/** Greedy word wrap at a character budget; a single over-long word is kept whole rather than split. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.trim().split(/\s+/)) {
    if (!word) continue
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.length ? lines : ['']
}

const byRankThenName = (a: DiagramBody, b: DiagramBody) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareSv(a.name, b.name)

export interface TreeNode<T extends DiagramBody> {
  body: T
  children: TreeNode<T>[]
}

/**
 * The reporting tree. A body whose parent is not in the list (hidden from this viewer, or none) is a
 * root; a cycle in bad data is cut where it is found, so every body appears exactly once.
 */
export function bodyTree<T extends DiagramBody>(bodies: T[]): TreeNode<T>[] {
  const ids = new Set(bodies.map((b) => b.id))
  const byParent = new Map<string | null, T[]>()
  for (const b of bodies) {
    const parent = b.parentBodyId && ids.has(b.parentBodyId) && b.parentBodyId !== b.id ? b.parentBodyId : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), b])
  }
  const placed = new Set<string>()
  const build = (b: T): TreeNode<T> => {
    placed.add(b.id)
    const children = (byParent.get(b.id) ?? []).filter((c) => !placed.has(c.id)).sort(byRankThenName)
    return { body: b, children: children.map(build) }
  }
  const roots = (byParent.get(null) ?? []).sort(byRankThenName).map(build)
  // Bodies caught in a cycle never hang from a root: show them as roots of their own.
  for (const b of [...bodies].sort(byRankThenName)) if (!placed.has(b.id)) roots.push(build(b))
  return roots
}

/** The bodies in reading order: each body followed by those reporting to it (as the picture reads). */
export function inTreeOrder<T extends DiagramBody>(bodies: T[]): T[] {
  const out: T[] = []
  const walk = (nodes: TreeNode<T>[]) => {
    for (const n of nodes) {
      out.push(n.body)
      walk(n.children)
    }
  }
  walk(bodyTree(bodies))
  return out
}

export function layoutStructure(bodies: DiagramBody[], parties: DiagramParty[], labels: DiagramLabels): StructureLayout {
  // Levels: a root sits at its kind's rank, a child one level below its parent.
  const levelOf = new Map<string, number>()
  const parentOf = new Map<string, string>()
  const assign = (node: TreeNode<DiagramBody>, level: number) => {
    levelOf.set(node.body.id, level)
    for (const c of node.children) {
      parentOf.set(c.body.id, node.body.id)
      assign(c, level + 1)
    }
  }
  for (const root of bodyTree(bodies)) assign(root, KIND_RANK[root.body.kind])
  const used = [...new Set(levelOf.values())].sort((a, b) => a - b)

  // Within a level, children follow their parent's position, so lines cross as little as possible.
  const order = new Map<string, number>()
  const rows: DiagramBody[][] = used.map((level) => {
    const row = bodies
      .filter((b) => levelOf.get(b.id) === level)
      .sort((a, b) => {
        const pa = parentOf.has(a.id) ? order.get(parentOf.get(a.id)!)! : -1
        const pb = parentOf.has(b.id) ? order.get(parentOf.get(b.id)!)! : -1
        return pa - pb || byRankThenName(a, b)
      })
    row.forEach((b, i) => order.set(b.id, i))
    return row
  })

  const boxes: Box[] = []
  const rowInfo = new Map<string, { row: number; rows: number; levelTop: number }>()
  let y = MARGIN
  rows.forEach((levelBodies, li) => {
    const levelTop = y
    const rowCount = Math.ceil(levelBodies.length / COLS)
    // Every row of a level starts where the first (fullest) row starts, so the columns and the gaps
    // between them line up, and the lines to lower rows can run down those gaps.
    const firstRow = Math.min(COLS, levelBodies.length)
    const x0 = (WIDTH - (firstRow * BOX_W + (firstRow - 1) * GAP_X)) / 2
    for (let r = 0; r < rowCount; r++) {
      const inRow = levelBodies.slice(r * COLS, (r + 1) * COLS)
      const wrapped = inRow.map((b) => wrapText(b.name, 22))
      const height = 20 + Math.max(...wrapped.map((w) => w.length)) * LINE + LINE
      inRow.forEach((b, i) => {
        boxes.push({
          id: b.id,
          x: x0 + i * (BOX_W + GAP_X),
          y,
          width: BOX_W,
          height,
          level: used[li],
          nameLines: wrapped[i],
          // A body named after its kind (Styrgrupp) needs no second line saying so.
          kindLabel: labels.kind(b.kind).toLowerCase() === b.name.toLowerCase() ? '' : labels.kind(b.kind),
          kind: b.kind,
          isExample: b.isExample,
        })
        rowInfo.set(b.id, { row: r, rows: rowCount, levelTop })
      })
      y += height + (r < rowCount - 1 ? ROW_GAP : 0)
    }
    y += LEVEL_GAP
  })

  // Connectors run only through the gaps between boxes: down from the parent, along a bus above the
  // child's level, and down into the child (from the side when the child is on a lower row).
  const box = new Map(boxes.map((b) => [b.id, b]))
  const connectors: Connector[] = []
  for (const [childId, parentId] of parentOf) {
    const p = box.get(parentId)!
    const c = box.get(childId)!
    const pInfo = rowInfo.get(parentId)!
    const cInfo = rowInfo.get(childId)!
    const bus = cInfo.levelTop - LEVEL_GAP / 2 + ((order.get(parentId)! % 3) - 1) * 6
    const px = p.x + p.width / 2
    const points: [number, number][] = [[px, p.y + p.height]]
    if (pInfo.row < pInfo.rows - 1) {
      const gx = p.x + p.width + GAP_X / 2
      const below = p.y + p.height + ROW_GAP / 2
      points.push([px, below], [gx, below], [gx, bus])
    } else points.push([px, bus])
    if (cInfo.row === 0) points.push([c.x + c.width / 2, bus], [c.x + c.width / 2, c.y])
    else {
      const gx = c.x - GAP_X / 2
      points.push([gx, bus], [gx, c.y + c.height / 2], [c.x, c.y + c.height / 2])
    }
    connectors.push({ from: parentId, to: childId, points })
  }

  // The parties, convenors first, in columns inside one frame.
  const sorted = [...parties].sort((a, b) => Number(b.isConvenor) - Number(a.isConvenor) || compareSv(a.name, b.name))
  const entries = sorted.map((p) => wrapText(p.isConvenor ? `${p.name} ${labels.convenorSuffix}` : p.name, 40))
  const perColumn = Math.ceil(entries.reduce((n, e) => n + e.length, 0) / PARTY_COLS)
  const columns: string[][] = [[]]
  for (const entry of entries) {
    const current = columns[columns.length - 1]
    if (current.length > 0 && current.length + entry.length > perColumn && columns.length < PARTY_COLS) columns.push([...entry])
    else current.push(...entry)
  }
  const top = boxes.length ? y - LEVEL_GAP + 32 : MARGIN
  const colWidth = (WIDTH - 2 * MARGIN - 24) / PARTY_COLS
  const lines = columns.flatMap((col, ci) => col.map((text, li) => ({ x: MARGIN + 12 + ci * colWidth, y: top + 52 + li * PARTY_LINE, text })))
  const frameHeight = 52 + Math.max(0, ...columns.map((c) => c.length)) * PARTY_LINE
  return {
    width: WIDTH,
    height: top + frameHeight + MARGIN,
    boxes,
    connectors,
    parties: {
      x: MARGIN,
      y: top,
      width: WIDTH - 2 * MARGIN,
      height: frameHeight,
      heading: { x: MARGIN + 12, y: top + 26, text: `${labels.partiesHeading} (${parties.length})` },
      lines,
    },
    levels: used.length,
  }
}
