// Finds the test files under the given folders and runs them with Node's test runner.
// (Node 20's --test does not expand glob patterns itself; Node 22 would.)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const concurrency = process.env.TEST_CONCURRENCY ?? '2'
const roots = args.length ? args : ['src', 'db']

function find(dir) {
  if (!fs.existsSync(dir)) return []
  if (fs.statSync(dir).isFile()) return [dir]
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : find(full)
    return /\.test\.tsx?$/.test(e.name) ? [full] : []
  })
}

const files = roots.flatMap(find).sort()
if (files.length === 0) {
  console.error(`No test files under ${roots.join(', ')}`)
  process.exit(1)
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' })
process.exit(result.status ?? 1)
