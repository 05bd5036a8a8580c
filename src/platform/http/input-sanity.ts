import type { FastifyInstance, FastifyRequest } from 'fastify'
import { controlCharacterPaths } from '../forms/text.ts'
import { DomainError } from './errors.ts'

/** Text with NUL or another control character: refused, naming the first field that holds one. */
export class ControlCharactersError extends DomainError {
  constructor(
    field: string,
    public readonly paths: string[],
  ) {
    super('control_characters', 'platform.forms.controlCharacters', 400, field)
  }
}

const isJson = (req: FastifyRequest) => /^application\/([\w.+-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''))

/**
 * Control characters are refused at the door for every JSON body and every query string, so no
 * handler and no SQL ever sees them. HTML form bodies are left to parseForm, which refuses them on
 * the field and re-renders the form with the values kept.
 */
export function installInputSanity(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const inQuery = req.query && typeof req.query === 'object' ? controlCharacterPaths(req.query) : []
    const inBody = req.body !== undefined && isJson(req) ? controlCharacterPaths(req.body) : []
    const paths = [...inQuery, ...inBody]
    if (paths.length) throw new ControlCharactersError(paths[0], paths)
  })
}
