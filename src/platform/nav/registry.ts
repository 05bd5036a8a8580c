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

  add(item: NavItem): void {
    this.items.push(item)
    this.items.sort((a, b) => a.order - b.order)
  }

  for(actor: Actor | undefined): NavItem[] {
    return this.items.filter((i) => i.visible(actor))
  }
}
