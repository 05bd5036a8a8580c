import path from 'node:path'
import { z } from 'zod'

/** Environment parsed once into a frozen Config; a bad value stops the process with a clear message. */
const boolFromEnv = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  TILLSAMMANS_DATA_DIR: z.string().min(1).default('./data'),
  TILLSAMMANS_DEMO: boolFromEnv.optional(),
  TILLSAMMANS_DEMO_STORY: boolFromEnv.default(true),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().default('Tillsammans <noreply@tillsammans.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TILLSAMMANS_WORKERS: boolFromEnv.default(true),
  COLLABORATION_NAME: z.string().default('Östergötland tillsammans mot brott'),
  ACCESSIBILITY_CONTACT: z.email().default('tillganglighet@tillsammans.invalid'),
  // The contact point of the open data in the DCAT-AP-SE catalogue (/open-data/catalog.rdf).
  OPEN_DATA_CONTACT: z.email().default('oppnadata@tillsammans.invalid'),
  TRUST_PROXY: boolFromEnv.default(false),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  // Prometheus scrapes /metrics with `Authorization: Bearer <token>`; without a token there is no /metrics.
  METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
  // The audit chain's head is appended here (JSON lines) by a periodic job; verify-audit reads it.
  TILLSAMMANS_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  // Debian's Chromium renders the tagged PDFs (meeting protocols); without it the PDF links explain why.
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // Debian's LibreOffice (libreoffice-writer-nogui) converts adopted reports to PDF/A-2b; without it no page offers PDF/A.
  LIBREOFFICE_PATH: z.string().min(1).default('/usr/bin/soffice'),
})

export interface Config {
  port: number
  host: string
  baseUrl: string
  secure: boolean
  databaseUrl?: string
  dataDir: string
  demo: boolean
  /** In demo mode, also the example history (signatures, people, meetings …); off = demo accounts on the bare reference data. */
  demoStory: boolean
  sessionSecret?: string
  oidc?: { issuer: string; clientId: string; clientSecret: string }
  smtpUrl?: string
  mailFrom: string
  logLevel: string
  runWorkers: boolean
  collaborationName: string
  accessibilityContact: string
  /** E-mail of the open data's contact point (DCAT-AP-SE dcat:contactPoint). */
  openDataContact: string
  trustProxy: boolean
  /** Requests per minute per client address. */
  rateLimitMax: number
  /** Bearer token for /metrics; /metrics does not exist without it. */
  metricsToken?: string
  /** Where the audit anchors are appended (absolute path); only the log gets them without it. */
  auditAnchorFile?: string
  /** Chromium for PDF rendering (default Debian's /usr/bin/chromium). */
  chromiumPath: string
  /** LibreOffice's `soffice` for PDF/A (default Debian's /usr/bin/soffice). */
  libreOfficePath: string
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''))
  const parsed = EnvSchema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET]
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together')
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secure: baseUrl.startsWith('https://'),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.TILLSAMMANS_DATA_DIR),
    // Demo data is on by default for the embedded database and off for a real server.
    demo: e.TILLSAMMANS_DEMO ?? !e.DATABASE_URL,
    demoStory: e.TILLSAMMANS_DEMO_STORY,
    sessionSecret: e.SESSION_SECRET,
    oidc: e.OIDC_ISSUER ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET! } : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    runWorkers: e.TILLSAMMANS_WORKERS,
    collaborationName: e.COLLABORATION_NAME,
    accessibilityContact: e.ACCESSIBILITY_CONTACT,
    openDataContact: e.OPEN_DATA_CONTACT,
    trustProxy: e.TRUST_PROXY,
    rateLimitMax: e.RATE_LIMIT_MAX,
    metricsToken: e.METRICS_TOKEN,
    auditAnchorFile: e.TILLSAMMANS_AUDIT_ANCHOR_FILE ? path.resolve(e.TILLSAMMANS_AUDIT_ANCHOR_FILE) : undefined,
    chromiumPath: e.CHROMIUM_PATH,
    libreOfficePath: e.LIBREOFFICE_PATH,
  })
}
