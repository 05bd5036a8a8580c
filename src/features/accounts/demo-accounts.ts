import type { Role } from '../../platform/http/actor.ts'

/** The demo accounts (demo mode only): one per role, listed on the login page. */
export const DEMO_PASSWORD = 'tillsammans-demo'
/** argon2id of DEMO_PASSWORD, computed once: hashing it per account would add a second to every first start. */
export const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=65536,p=4,t=3$HnXhRfhXuu9+fqdQ0nsRvg$eAvsUOWOqFrl+4moA8fTjcVPGQXs0IEI/mZL6o7Hckw'

export interface DemoAccountSpec {
  email: string
  name: string
  role: Role
  /** Organisation code from the reference data. */
  organisationCode: string
}

export const DEMO_ACCOUNTS: DemoAccountSpec[] = [
  { email: 'admin@demo.test', name: 'Alva Admin', role: 'admin', organisationCode: 'lansstyrelsen-05' },
  { email: 'lansstyrelsen@demo.test', name: 'Lena Samordnare', role: 'coordinator', organisationCode: 'lansstyrelsen-05' },
  { email: 'polisen@demo.test', name: 'Per Polis', role: 'editor', organisationCode: 'polisomrade-ostergotland' },
  { email: 'linkoping@demo.test', name: 'Lina Linköping', role: 'editor', organisationCode: 'kommun-0580' },
  { email: 'norrkoping@demo.test', name: 'Nils Norrköping', role: 'editor', organisationCode: 'kommun-0581' },
  // Valdemarsvik is still preparing its decision in the demo story: its official drafts the tjänsteskrivelse.
  { email: 'valdemarsvik@demo.test', name: 'Vera Valdemarsvik', role: 'editor', organisationCode: 'kommun-0563' },
  { email: 'rapportor@demo.test', name: 'Rut Rapportör', role: 'reporter', organisationCode: 'kommun-0580' },
  { email: 'lasare@demo.test', name: 'Leo Läsare', role: 'viewer', organisationCode: 'region-ostergotland' },
]
