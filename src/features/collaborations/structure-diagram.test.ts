import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Box, type DiagramBody, bodyTree, inTreeOrder, layoutStructure, wrapText } from './structure-diagram.ts'

const labels = { kind: (k: string) => `kind:${k}`, partiesHeading: 'Parter', convenorSuffix: '(sammankallande)' }
const body = (id: string, kind: DiagramBody['kind'], parentBodyId: string | null = null, name = id): DiagramBody => ({
  id,
  name,
  kind,
  parentBodyId,
  isExample: false,
})

const OTMB: DiagramBody[] = [
  body('wg1', 'working_group', 'prep', 'Arbetsgrupp Trygghet i offentlig miljö (exempel)'),
  body('regbra', 'network', null, 'Nätverket Regbrå'),
  body('prep', 'preparation', 'steer', 'Beredningsgrupp'),
  body('steer', 'steering', null, 'Styrgrupp'),
  body('wg2', 'working_group', 'prep', 'Arbetsgrupp Unga i riskmiljöer (exempel)'),
]
const PARTIES = [
  { name: 'Linköpings kommun', isConvenor: false },
  { name: 'Polismyndigheten, polisområde Östergötland', isConvenor: true },
  { name: 'Åtvidabergs kommun', isConvenor: false },
  { name: 'Länsstyrelsen Östergötland', isConvenor: true },
]

test('wrapText breaks at word boundaries within the budget and keeps an over-long word whole', () => {
  assert.deepEqual(wrapText('Arbetsgrupp Trygghet i offentlig miljö', 22), ['Arbetsgrupp Trygghet i', 'offentlig miljö'])
  assert.deepEqual(wrapText('Brottsförebyggandesamverkansgrupp kort', 10), ['Brottsförebyggandesamverkansgrupp', 'kort'])
  assert.deepEqual(wrapText('  ', 10), [''])
})

test('levels follow the reporting lines: styrgrupp on top, beredningsgrupp below, working groups and the network under it', () => {
  const layout = layoutStructure(OTMB, PARTIES, labels)
  const byId = new Map(layout.boxes.map((b) => [b.id, b]))
  assert.equal(layout.levels, 3)
  assert.equal(byId.get('steer')!.level, 0)
  assert.equal(byId.get('prep')!.level, 1)
  for (const id of ['wg1', 'wg2', 'regbra']) assert.equal(byId.get(id)!.level, 2, id)
  assert.ok(byId.get('steer')!.y < byId.get('prep')!.y)
  assert.ok(byId.get('prep')!.y < byId.get('wg1')!.y)
  assert.equal(byId.get('wg1')!.y, byId.get('regbra')!.y)
  // One line per reporting line; the network reports to nobody, so it has none.
  assert.deepEqual(layout.connectors.map((c) => `${c.from}>${c.to}`).sort(), ['prep>wg1', 'prep>wg2', 'steer>prep'])
  // Long names wrap inside the box; a body named after its kind gets no second label.
  assert.deepEqual(byId.get('wg1')!.nameLines, ['Arbetsgrupp Trygghet i', 'offentlig miljö', '(exempel)'])
  assert.equal(byId.get('regbra')!.kindLabel, 'kind:network')
  assert.equal(layoutStructure([body('s', 'steering', null, 'kind:steering')], [], labels).boxes[0].kindLabel, '')
})

test('a connector starts at the bottom of the parent and ends on the child', () => {
  const layout = layoutStructure(OTMB, PARTIES, labels)
  const byId = new Map(layout.boxes.map((b) => [b.id, b]))
  for (const c of layout.connectors) {
    const p = byId.get(c.from)!
    const ch = byId.get(c.to)!
    assert.deepEqual(c.points[0], [p.x + p.width / 2, p.y + p.height])
    const [x, y] = c.points.at(-1)!
    assert.ok(x >= ch.x && x <= ch.x + ch.width && y >= ch.y && y <= ch.y + ch.height, `${c.from}>${c.to} ends on its child`)
  }
})

/** Whether a horizontal or vertical segment passes through the inside of a box. */
function crosses(box: Box, [x1, y1]: [number, number], [x2, y2]: [number, number]) {
  const inside = (v: number, lo: number, hi: number) => v > lo + 0.5 && v < hi - 0.5
  if (x1 === x2) return inside(x1, box.x, box.x + box.width) && Math.max(y1, y2) > box.y + 0.5 && Math.min(y1, y2) < box.y + box.height - 0.5
  return inside(y1, box.y, box.y + box.height) && Math.max(x1, x2) > box.x + 0.5 && Math.min(x1, x2) < box.x + box.width - 0.5
}

test('many working groups wrap into rows, and no line runs through a box', () => {
  const groups = Array.from({ length: 7 }, (_, i) => body(`wg${i}`, 'working_group', i < 6 ? 'prep' : 'prep2', `Arbetsgrupp ${i}`))
  const preps = Array.from({ length: 5 }, (_, i) => body(i === 0 ? 'prep' : i === 1 ? 'prep2' : `p${i}`, 'preparation', 'steer', `Grupp ${i}`))
  const layout = layoutStructure([body('steer', 'steering'), ...preps, ...groups], [], labels)
  const rowsAt = new Set(layout.boxes.filter((b) => b.level === 2).map((b) => b.y))
  assert.equal(rowsAt.size, 2, 'seven boxes make two rows of at most four')
  for (const b of layout.boxes) assert.ok(b.x >= 0 && b.x + b.width <= layout.width, `${b.id} inside the picture`)
  for (const c of layout.connectors) {
    for (let i = 1; i < c.points.length; i++) {
      const [a, z] = [c.points[i - 1], c.points[i]]
      assert.ok(a[0] === z[0] || a[1] === z[1], 'segments are horizontal or vertical')
      for (const box of layout.boxes) assert.ok(!crosses(box, a, z), `${c.from}>${c.to} segment ${i} crosses ${box.id}`)
    }
  }
})

test('the parties are listed inside the picture, convenors first, with the count in the heading', () => {
  const layout = layoutStructure(OTMB, PARTIES, labels)
  assert.equal(layout.parties.heading.text, 'Parter (4)')
  const text = layout.parties.lines.map((l) => l.text)
  // Long names wrap onto a second line within their column.
  assert.match(
    text.join(' '),
    /^Länsstyrelsen Östergötland \(sammankallande\) Polismyndigheten, polisområde Östergötland \(sammankallande\) Linköpings kommun Åtvidabergs kommun$/,
  )
  const lowest = Math.max(...layout.boxes.map((b) => b.y + b.height))
  assert.ok(layout.parties.y > lowest, 'below the bodies')
  assert.ok(layout.height >= layout.parties.y + layout.parties.height)
})

test('the tree lists every body once, in reading order, even when the data holds a cycle or a hidden parent', () => {
  assert.deepEqual(
    inTreeOrder(OTMB).map((b) => b.id),
    ['steer', 'prep', 'wg1', 'wg2', 'regbra'],
  )
  const cyclic = [body('a', 'working_group', 'b'), body('b', 'working_group', 'a'), body('c', 'other', 'hidden')]
  const ids = inTreeOrder(cyclic).map((b) => b.id)
  assert.deepEqual([...ids].sort(), ['a', 'b', 'c'])
  assert.equal(bodyTree(cyclic).length >= 2, true)
  assert.equal(layoutStructure(cyclic, [], labels).boxes.length, 3)
})

test('an empty collaboration still draws its parties frame', () => {
  const layout = layoutStructure([], PARTIES, labels)
  assert.equal(layout.boxes.length, 0)
  assert.ok(layout.parties.lines.length >= 4)
  assert.ok(layout.parties.lines.every((l) => l.y > layout.parties.y && l.y < layout.parties.y + layout.parties.height))
})
