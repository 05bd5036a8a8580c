import fs from 'node:fs'

/**
 * PGlite does not lock its data folder and a second process would silently lose writes, so the app
 * holds a lock file with its PID. A lock left by a process that no longer runs is taken over.
 */
export function acquireDataDirLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx')
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
        } catch {
          /* already gone */
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10)
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new Error(
          `The data folder is in use by another Tillsammans process (PID ${holder}). ` +
            `Stop it, or set TILLSAMMANS_DATA_DIR to another folder. Lock file: ${lockPath}`,
        )
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`Could not acquire the data folder lock ${lockPath}`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
