import type { Actor } from '../http/actor.ts'

export interface NavItem {
  href: string
  labelKey: string
  /** Shown on the start page's tiles; items without one appear in the menu only. */
  descriptionKey?: string
  /** Lower numbers come first. */
  order: number
  visible: (actor: Actor | undefined) => boolean
}

/** Features add their menu entries here; the layout shows the ones the actor may use. */
export class NavRegistry {
  private readonly items: NavItem[] = []
  /** One array per set of visible items, so that markup made from it can be kept by identity (CachedFragment). */
  private readonly lists = new Map<string, readonly NavItem[]>()

  add(item: NavItem): void {
    this.items.push(item)
    this.items.sort((a, b) => a.order - b.order)
    this.lists.clear()
  }

  for(actor: Actor | undefined): readonly NavItem[] {
    const visible = this.items.filter((i) => i.visible(actor))
    const key = visible.map((i) => i.href).join('\n')
    let list = this.lists.get(key)
    if (!list) this.lists.set(key, (list = visible))
    return list
  }
}
