import { appEnv, freePort, newDataDir, spawnApp, waitFor200 } from './processes.ts'

/**
 * Time from spawning `npm start` to the first 200 on GET /login — what a newcomer waits through.
 * Exactly `npm start` (npm, the shell and tsx included), so every layer of the real command is counted.
 */
export interface StartTimes {
  /** Each run with a new, empty data folder (migrations, reference data, demo accounts). */
  cold: number[]
  /** The second start on the same folder (everything already in place). */
  warm: number[]
  /** For each cold start: until /readyz says the demo's example history is written (in the background). */
  demoReady: number[]
}

async function timeStart(dataDir: string): Promise<{ first: number; ready: number }> {
  const port = await freePort()
  const app = spawnApp('npm', ['start'], appEnv(dataDir, port))
  try {
    const at = await waitFor200(app, `http://127.0.0.1:${port}/login`)
    const ready = await waitFor200(app, `http://127.0.0.1:${port}/readyz`, 300_000)
    return { first: at - app.startedAt, ready: ready - app.startedAt }
  } finally {
    // A graceful stop, so the data folder lock is released before the warm restart.
    await app.stop()
  }
}

export async function measureStarts(runs = 3, log: (msg: string) => void = () => {}): Promise<StartTimes> {
  const times: StartTimes = { cold: [], warm: [], demoReady: [] }
  for (let i = 1; i <= runs; i++) {
    const dir = newDataDir()
    const cold = await timeStart(dir)
    times.cold.push(cold.first)
    times.demoReady.push(cold.ready)
    const warm = (await timeStart(dir)).first
    times.warm.push(warm)
    log(`start run ${i}/${runs}: cold ${Math.round(cold.first)} ms (demo ready ${Math.round(cold.ready)} ms), warm ${Math.round(warm)} ms`)
  }
  return times
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
