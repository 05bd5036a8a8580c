import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { accounts } from './features/accounts/index.ts'
import { apiTokens } from './features/api-tokens/index.ts'
import { openData } from './features/open-data/index.ts'
import { auditLog } from './features/audit-log/index.ts'
import { bodies } from './features/bodies/index.ts'
import { collaborations } from './features/collaborations/index.ts'
import { compliance } from './features/compliance/index.ts'
import { declarations } from './features/declarations/index.ts'
import { meetings } from './features/meetings/index.ts'
import { municipalModels } from './features/municipal-models/index.ts'
import { plans } from './features/plans/index.ts'
import { indicators } from './features/indicators/index.ts'
import { lawTracker } from './features/law-tracker/index.ts'
import { yearlyReports } from './features/yearly-reports/index.ts'
import { situationReports } from './features/situation-reports/index.ts'
import { methods } from './features/methods/index.ts'
import { workProcess } from './features/work-process/index.ts'
import { supportActivities } from './features/support-activities/index.ts'
import { partyTimelines } from './features/party-timeline/index.ts'
import { surveys } from './features/surveys/index.ts'
import { mail } from './features/mail/index.ts'
import { oidc } from './features/oidc/index.ts'
import { organisations } from './features/organisations/index.ts'
import { pages } from './features/pages/index.ts'
import { apiRoot } from './platform/api/api-root.ts'
import { type Deps, createDeps } from './platform/deps.ts'
import { platform } from './platform/http/platform.tsx'
import { taskRoutes } from './platform/jobs/tasks.routes.tsx'
import { newRequestId } from './platform/http/request-id.ts'
import { staticFiles } from './platform/http/static-files.ts'
import { observability } from './platform/observability/observability.ts'

/** The composition root: platform first, then the features, in the order the menu reads. */
export async function buildApp(config: Config, deps?: Deps): Promise<FastifyInstance> {
  const d = deps ?? (await createDeps(config))
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: newRequestId,
    requestIdHeader: 'x-request-id',
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Keep-alive connections must not hold a shutdown for long.
    forceCloseConnections: 'idle',
  })
  await app.register(platform, { deps: d })
  await app.register(observability, { deps: d })
  await app.register(staticFiles)
  await app.register(taskRoutes, { deps: d })
  await app.register(pages, { deps: d })
  await app.register(mail, { deps: d })
  await app.register(accounts, { deps: d })
  await app.register(oidc, { deps: d })
  await app.register(organisations, { deps: d })
  await app.register(municipalModels, { deps: d })
  await app.register(plans, { deps: d })
  await app.register(indicators, { deps: d })
  await app.register(surveys, { deps: d })
  await app.register(situationReports, { deps: d })
  await app.register(workProcess, { deps: d })
  await app.register(lawTracker, { deps: d })
  await app.register(yearlyReports, { deps: d })
  await app.register(methods, { deps: d })
  await app.register(supportActivities, { deps: d })
  await app.register(collaborations, { deps: d })
  await app.register(bodies, { deps: d })
  await app.register(declarations, { deps: d })
  await app.register(partyTimelines, { deps: d })
  await app.register(compliance, { deps: d })
  await app.register(meetings, { deps: d })
  await app.register(auditLog, { deps: d })
  await app.register(apiTokens, { deps: d })
  await app.register(openData, { deps: d })
  await app.register(apiRoot, { deps: d })
  app.decorate('deps', d)
  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}
