import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { surveyImportRoutes } from './import.routes.tsx'
import { surveyImportTask } from './import.task.ts'

/** Survey definitions and the import of microdata files (issue 9 §4–5): routes, the background task, audit labels. */
export function registerSurveyImport(app: FastifyInstance, deps: Deps) {
  deps.auditLabels.actions({
    'survey.created': 'surveyDefinition.audit.created',
    'survey.questions_replaced': 'surveyDefinition.audit.questionsReplaced',
    'survey.updated': 'surveyDefinition.audit.updated',
    'survey.imported': 'surveyImport.audit.imported',
  })
  deps.auditLabels.entities({ survey: 'surveyDefinition.audit.entity' })
  surveyImportTask(deps)
  surveyImportRoutes(app, deps)
}
