import assert from 'node:assert/strict'
import type { Page, Response } from 'playwright-core'

/** Does something that navigates (click, submit) and returns the final document response. */
export async function navigate(page: Page, action: () => Promise<unknown>): Promise<Response> {
  const [res] = await Promise.all([page.waitForNavigation(), action()])
  assert.ok(res, `no document response after navigating to ${page.url()}`)
  return res
}

export async function visit(page: Page, url: string, status = 200): Promise<void> {
  const res = await page.goto(url)
  assert.equal(res?.status(), status, `GET ${url} → ${res?.status()}`)
}
