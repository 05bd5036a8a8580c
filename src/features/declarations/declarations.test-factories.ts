/**
 * Test data for the declarations feature: a small ÖTMB-like collaboration owned by Länsstyrelsen
 * Östergötland with Linköping, Norrköping and Länsstyrelsen as parties, a declaration version and an
 * `invited` record per party. Its code is random, so it never clashes with the ÖTMB reference load.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { TestBrowser } from '../../test-support/browser.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { collaborationParties, collaborations } from '../collaborations/collaborations.tables.ts'
import { declarationVersions, partySignatures } from './declarations.tables.ts'

export const PARTY_CODES = ['kommun-0580', 'kommun-0581', 'lansstyrelsen-05'] as const
export type PartyCode = (typeof PARTY_CODES)[number]

export interface TestCollaboration {
  collaborationId: string
  versionId: string
  organisations: Record<PartyCode, string>
  signatures: Record<PartyCode, string>
}

export async function buildCollaborationWithDeclaration(deps: Deps): Promise<TestCollaboration> {
  const organisations = {} as Record<PartyCode, string>
  for (const code of PARTY_CODES) {
    const org = await findOrganisationByCode(deps.db, code)
    if (!org) throw new Error(`No organisation ${code}`)
    organisations[code] = org.id
  }
  const [c] = await deps.db
    .insert(collaborations)
    .values({
      code: `test-${randomBytes(4).toString('hex')}`,
      name: 'Östergötland tillsammans mot brott',
      shortName: 'ÖTMB',
      countyCode: '05',
      periodStart: '2022-01-01',
      periodEnd: '2027-12-31',
      purpose: 'Ett länsövergripande brottsförebyggande och trygghetsskapande samarbete i Östergötland.',
      organisationId: organisations['lansstyrelsen-05'],
      visibility: 'public',
    })
    .returning()
  await deps.db.insert(collaborationParties).values(
    PARTY_CODES.map((code) => ({
      collaborationId: c.id,
      organisationId: organisations[code],
      isConvenor: code === 'lansstyrelsen-05',
      joinedOn: '2022-01-01',
    })),
  )
  const [v] = await deps.db
    .insert(declarationVersions)
    .values({
      collaborationId: c.id,
      versionNo: 1,
      title: 'Programförklaring Östergötland tillsammans mot brott 2022–2027',
      bodyText: 'Parterna åtar sig att samverka i det brottsförebyggande arbetet.\n\nVarje kommun har minst en tjänsteperson i en arbetsgrupp.',
      adoptedOn: '2021-11-30',
    })
    .returning()
  const rows = await deps.db
    .insert(partySignatures)
    .values(PARTY_CODES.map((code) => ({ declarationVersionId: v.id, organisationId: organisations[code], invitedOn: '2021-12-01' })))
    .returning()
  const signatures = {} as Record<PartyCode, string>
  for (const code of PARTY_CODES) signatures[code] = rows.find((r) => r.organisationId === organisations[code])!.id
  return { collaborationId: c.id, versionId: v.id, organisations, signatures }
}

/** A record as stored, to prove that a refused request changed nothing. */
export async function signatureRow(deps: Deps, id: string) {
  const [row] = await queryRows<Record<string, unknown>>(deps.db, sql`select * from party_signatures where id = ${id}`)
  return row
}

export async function countRows(deps: Deps, table: 'files' | 'signature_attachments' | 'declaration_versions' | 'memo_drafts') {
  const [r] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from ${sql.identifier(table)}`)
  return Number(r.n)
}

export async function auditActions(deps: Deps, entityId: string) {
  const rows = await queryRows<{ action: string; before: unknown; after: unknown }>(
    deps.db,
    sql`select action, before, after from audit_events where entity_id = ${entityId} order by seq`,
  )
  return rows
}

/** A multipart form post from a signed-in browser (TestBrowser only sends url-encoded forms). */
export async function postMultipart(
  app: FastifyInstance,
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; filename: string; data: Buffer; contentType?: string },
) {
  const boundary = `----tillsammans-${randomBytes(6).toString('hex')}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries({ _csrf: browser.csrf, ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `tm_session=${browser.cookie('tm_session')}` },
  })
}

/** A minimal valid PDF: what a decision document looks like to the content sniffer. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)
/** A Windows program named like a PDF. */
export const DISGUISED_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000, 0x90)])
/** Over the 20 MB limit. */
export const HUGE_PDF = Buffer.concat([SMALL_PDF, Buffer.alloc(30 * 1024 * 1024, 0x20)])

export const hasLibreOffice = (() => {
  try {
    execFileSync('which', ['libreoffice'], { stdio: 'ignore' })
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** Error summary and field messages as text, for assertions. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
