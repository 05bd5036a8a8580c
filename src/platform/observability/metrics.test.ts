import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'

// Issue 7 A8: /metrics was public — route names, error rates and process details for anyone.
const TOKEN = 'metrics-token-metrics-token-metrics-token'

describe('/metrics', () => {
  let open: TestApp
  let guarded: TestApp
  before(async () => {
    open = await buildTestApp()
    guarded = await buildTestApp({ METRICS_TOKEN: TOKEN })
  })
  after(async () => {
    await open.close()
    await guarded.close()
  })

  test('without a configured token there is no /metrics at all', async () => {
    const res = await open.app.inject('/metrics')
    assert.equal(res.statusCode, 404)
    assert.doesNotMatch(res.body, /http_requests_total/)
  })

  test('with a token, only a request bearing it gets the metrics', async () => {
    await guarded.app.inject('/healthz')
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await guarded.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} })
      assert.equal(res.statusCode, 401, String(authorization))
      assert.doesNotMatch(res.body, /http_requests_total/)
    }
    const ok = await guarded.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
    assert.equal(ok.statusCode, 200)
    assert.match(ok.body, /http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/)
  })

  test('a token shorter than 32 characters is refused at start', async () => {
    await assert.rejects(buildTestApp({ METRICS_TOKEN: 'short' }), /METRICS_TOKEN/)
  })
})
