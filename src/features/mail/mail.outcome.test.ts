import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadConfig } from '../../config.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { mailOutcome } from './mail.job.ts'

const config = (env: Record<string, string>) => ({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }) })

test('without a mail server a queued message counts as logged, not sent, and the user is told so', () => {
  assert.equal(mailOutcome(config({}), true), 'logged')
  assert.equal(mailOutcome(config({ SMTP_URL: 'smtp://mail.example.se:25' }), true), 'queued')
  assert.equal(mailOutcome(config({ SMTP_URL: 'smtp://mail.example.se:25' }), false), 'not_queued')
  const t = translator('sv')
  assert.match(t('mailDelivery.logged', { email: 'a@b.se' }), /^Inget e-postmeddelande har skickats till a@b\.se: .*bara sparats i utkorgen/)
  assert.match(t('mailDelivery.not_queued', { email: 'a@b.se' }), /^Inget e-postmeddelande har skickats/)
})
