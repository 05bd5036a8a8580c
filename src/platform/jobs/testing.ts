import { setTimeout as sleep } from 'node:timers/promises'

/** Test helpers for code that runs in jobs: jobs complete asynchronously, so tests wait, but never for ever. */

/** Fails instead of hanging when a job never runs; the timer does not outlive the race. */
export async function within<T>(promise: Promise<T>, what: string, ms = 20000): Promise<T> {
  const ac = new AbortController()
  const timeout = sleep(ms, undefined, { signal: ac.signal }).then(
    () => Promise.reject(new Error(`timed out after ${ms} ms: ${what}`)),
    () => new Promise<never>(() => {}),
  )
  try {
    return await Promise.race([promise, timeout])
  } finally {
    ac.abort()
  }
}

/** Polls until check() returns a truthy value (pg-boss records completion just after the handler). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 20000): Promise<T> {
  const ac = new AbortController()
  return within(
    (async () => {
      while (!ac.signal.aborted) {
        const value = await check()
        if (value) return value
        await sleep(100)
      }
      throw new Error('gave up')
    })(),
    what,
    ms,
  ).finally(() => ac.abort())
}

export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
