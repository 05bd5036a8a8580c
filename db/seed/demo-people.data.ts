/**
 * The demo story's data (see demo-people.ts): fictitious people and the parties' decisions. Names
 * are invented; titles are the ones such representatives usually have.
 */
import type { seats } from '../../src/features/bodies/bodies.tables.ts'
import type { partySignatures } from '../../src/features/declarations/declarations.tables.ts'

/** The joint signing at Linköpings slott: our fiction inside the document's "första kvartalet 2022". */
export const JOINT_SIGNING_DAY = '2022-03-16'
const INVITED = '2021-12-15'

type SignatureValues = Partial<typeof partySignatures.$inferInsert>

const signed = (code: string, decisionBody: string, decisionDate: string, paragraph: string, signerName: string, signerTitle: string) => ({
  code,
  values: {
    status: 'signed',
    invitedOn: INVITED,
    decisionBody,
    decisionDate,
    decisionParagraph: paragraph,
    decisionLines: ['Programförklaringen för det länsövergripande brottsförebyggande och trygghetsskapande arbetet i Östergötland godkänns.'],
    signerName,
    signerTitle,
    signedOn: JOINT_SIGNING_DAY,
  } satisfies SignatureValues,
})

const KS = 'Kommunstyrelsen'
const KSO = 'Kommunstyrelsens ordförande'

export const DEMO_SIGNATURES: { code: string; values: SignatureValues }[] = [
  signed('lansstyrelsen-05', 'Länsstyrelsen Östergötland', '2022-01-20', 'Dnr 100-2022', 'Birgitta Sandell', 'Landshövding'),
  signed('polisomrade-ostergotland', 'Polisområde Östergötland', '2022-01-24', 'A 2022/18', 'Thomas Wiklander', 'Polisområdeschef'),
  signed('kommun-0509', KS, '2022-02-08', '§ 21', 'Gunnel Axelsson', KSO),
  signed('kommun-0513', KS, '2022-02-15', '§ 34', 'Lars-Erik Palm', KSO),
  signed('kommun-0560', KS, '2022-02-22', '§ 29', 'Ingela Brandt', KSO),
  signed('kommun-0561', KS, '2022-02-09', '§ 17', 'Håkan Ståhl', KSO),
  signed('kommun-0562', KS, '2022-02-16', '§ 40', 'Susanne Rydén', KSO),
  signed('kommun-0580', KS, '2022-01-25', '§ 12', 'Mikael Strandberg', KSO),
  signed('kommun-0581', KS, '2022-02-01', '§ 25', 'Cecilia Hammar', KSO),
  signed('kommun-0582', KS, '2022-02-23', '§ 31', 'Bengt Lidholm', KSO),
  signed('kommun-0583', KS, '2022-02-14', '§ 22', 'Eva Kjellgren', KSO),
  signed('kommun-0584', KS, '2022-03-01', '§ 19', 'Peter Almgren', KSO),
  signed('kommun-0586', KS, '2022-02-21', '§ 27', 'Karin Westergren', KSO),
  signed('region-ostergotland', 'Regionstyrelsen', '2022-02-10', '§ 36', 'Annika Ljung', 'Regionstyrelsens ordförande'),
  signed('kriminalvarden', 'Kriminalvården region Öst', '2022-02-03', 'Dnr 2022-1875', 'Fredrik Holm', 'Regionchef'),
  signed('rtog', 'Direktionen', '2022-02-17', '§ 8', 'Marie Lundin', 'Direktionens ordförande'),
  signed('liu', 'Linköpings universitet', '2022-03-02', 'Dnr LiU-2022-00411', 'Jan Ekholm', 'Rektor'),
  {
    code: 'kommun-0512',
    values: {
      status: 'declined',
      invitedOn: INVITED,
      decisionBody: KS,
      decisionDate: '2022-02-22',
      decisionParagraph: '§ 15',
      reason: 'Kommunen prioriterar det lokala brottsförebyggande arbetet under perioden och avstår från att underteckna (exempel).',
    },
  },
  {
    code: 'kommun-0563',
    values: { status: 'in_preparation', invitedOn: INVITED, caseNumber: 'KS 2026/0412', responsibleOfficial: 'Tove Lindahl, säkerhetssamordnare' },
  },
]

export interface DemoSeat {
  party: string
  /** `kind:steering` etc. for the reference bodies, the exact name for an example working group. */
  body: string
  name: string
  title: string
  level: (typeof seats.$inferInsert)['level']
  role?: (typeof seats.$inferInsert)['role']
  membership?: 'ordinary' | 'substitute'
  from: string
  to?: string
  email?: string
}

const STEER = 'kind:steering'
const PREP = 'kind:preparation'
const REGBRA = 'kind:network'
const WG_PUBLIC = 'Arbetsgrupp Trygghet i offentlig miljö (exempel)'
const WG_YOUNG = 'Arbetsgrupp Unga i riskmiljöer (exempel)'
const WG_VIOLENCE = 'Arbetsgrupp Våld i nära relationer (exempel)'
const S = JOINT_SIGNING_DAY

const chief = (party: string, name: string, title: string, extra: Partial<DemoSeat> = {}): DemoSeat => ({
  party,
  body: STEER,
  name,
  title,
  level: 'chief',
  from: S,
  ...extra,
})
const official = (party: string, body: string, name: string, title: string, extra: Partial<DemoSeat> = {}): DemoSeat => ({
  party,
  body,
  name,
  title,
  level: 'official',
  from: S,
  ...extra,
})

export const DEMO_SEATS: DemoSeat[] = [
  // Styrgrupp: a chief per party (Åtvidaberg has named none); Norrköping's changed in 2024.
  chief('lansstyrelsen-05', 'Karin Ljungqvist', 'Enhetschef, social hållbarhet', { role: 'chair' }),
  chief('polisomrade-ostergotland', 'Johan Ekstrand', 'Biträdande polisområdeschef', { role: 'vice_chair' }),
  chief('kommun-0509', 'Stefan Wallin', 'Kommundirektör'),
  chief('kommun-0513', 'Annelie Forsberg', 'Kommundirektör'),
  chief('kommun-0560', 'Mats Holmgren', 'Kommundirektör'),
  chief('kommun-0562', 'Linnea Sjöberg', 'Säkerhetschef'),
  chief('kommun-0580', 'Henrik Dahlgren', 'Säkerhetschef'),
  chief('kommun-0580', 'Sofia Engström', 'Biträdande säkerhetschef', { membership: 'substitute' }),
  chief('kommun-0580', 'Mikael Strandberg', 'Kommunstyrelsens ordförande', { level: 'elected', role: 'adjunct' }),
  chief('kommun-0581', 'Per-Olof Nordin', 'Säkerhetschef', { to: '2024-06-30' }),
  chief('kommun-0581', 'Hanna Lundkvist', 'Säkerhetschef', { from: '2024-07-01' }),
  chief('kommun-0581', 'Cecilia Hammar', 'Kommunstyrelsens ordförande', { level: 'elected', role: 'adjunct' }),
  chief('kommun-0582', 'Ola Bengtsson', 'Kommundirektör'),
  chief('kommun-0583', 'Maria Eklöf', 'Säkerhetschef'),
  chief('kommun-0584', 'Gustav Renström', 'Kommundirektör'),
  chief('kommun-0586', 'Emma Kronqvist', 'Samhällsbyggnadschef'),
  chief('region-ostergotland', 'Lotta Berglund', 'Folkhälsochef'),
  chief('kriminalvarden', 'Daniel Ahlström', 'Frivårdschef'),
  chief('rtog', 'Jenny Malmberg', 'Avdelningschef förebyggande'),
  chief('liu', 'Kristina Ödman', 'Prefekt'),
  // Beredningsgrupp: officials; Linköping's säkerhetsstrateg as the source document says.
  official('lansstyrelsen-05', PREP, 'Sara Nyberg', 'Utvecklingsledare brottsförebyggande', { role: 'chair' }),
  official('lansstyrelsen-05', PREP, 'Ali Rahimi', 'Handläggare', { role: 'secretary' }),
  official('polisomrade-ostergotland', PREP, 'Erik Lindgren', 'Kommunpolis', { email: 'polisen@demo.test' }),
  official('kommun-0580', PREP, 'Jonas Bergkvist', 'Säkerhetsstrateg', { email: 'jonas.bergkvist@linkoping.exempel.se' }),
  official('kommun-0581', PREP, 'Amira Haddad', 'Samordnare brottsförebyggande'),
  official('kommun-0583', PREP, 'Petra Lind', 'Trygghetssamordnare'),
  official('region-ostergotland', PREP, 'Nora Sandberg', 'Folkhälsostrateg'),
  // Nätverket Regbrå.
  official('lansstyrelsen-05', REGBRA, 'Sara Nyberg', 'Utvecklingsledare brottsförebyggande', { role: 'chair', from: '2022-01-01' }),
  official('kommun-0580', REGBRA, 'Jonas Bergkvist', 'Säkerhetsstrateg', { from: '2022-01-01' }),
  official('kommun-0586', REGBRA, 'Viktor Nilsson', 'Trygghetssamordnare', { from: '2022-01-01' }),
  official('kommun-0562', REGBRA, 'Elin Johansson', 'Folkhälsosamordnare', { from: '2022-01-01' }),
  official('liu', REGBRA, 'Magnus Fridh', 'Universitetslektor i kriminologi', { from: '2022-01-01' }),
  // Working groups: every signed municipality but Kinda and Boxholm has someone; chiefs count too.
  official('lansstyrelsen-05', WG_PUBLIC, 'Ali Rahimi', 'Handläggare', { role: 'chair' }),
  official('polisomrade-ostergotland', WG_PUBLIC, 'Erik Lindgren', 'Kommunpolis'),
  official('kommun-0580', WG_PUBLIC, 'Jonas Bergkvist', 'Säkerhetsstrateg', { from: '2022-04-01' }),
  official('kommun-0581', WG_PUBLIC, 'Amira Haddad', 'Samordnare brottsförebyggande', { from: '2022-04-01' }),
  official('kommun-0583', WG_PUBLIC, 'Petra Lind', 'Trygghetssamordnare', { from: '2022-05-01' }),
  official('kommun-0562', WG_PUBLIC, 'Elin Johansson', 'Folkhälsosamordnare', { from: '2022-09-01' }),
  official('polisomrade-ostergotland', WG_YOUNG, 'Sanna Öberg', 'Kommunpolis', { role: 'chair' }),
  official('kommun-0586', WG_YOUNG, 'Viktor Nilsson', 'Trygghetssamordnare', { from: '2022-04-01' }),
  official('kommun-0582', WG_YOUNG, 'Lisa Hedlund', 'Fältsekreterare', { from: '2022-10-01' }),
  official('kommun-0509', WG_YOUNG, 'Robin Ek', 'Fritidsledare', { from: '2022-04-01', to: '2024-12-31' }),
  official('kommun-0509', WG_YOUNG, 'Alva Sundin', 'Socialsekreterare', { from: '2025-01-01' }),
  official('kriminalvarden', WG_YOUNG, 'Jesper Nord', 'Frivårdsinspektör'),
  official('region-ostergotland', WG_VIOLENCE, 'Nora Sandberg', 'Folkhälsostrateg', { role: 'chair' }),
  official('kommun-0584', WG_VIOLENCE, 'Ida Pettersson', 'Samordnare våld i nära relationer', { from: '2022-06-01' }),
  official('kommun-0561', WG_VIOLENCE, 'Oskar Blom', 'Socialchef', { level: 'chief', from: '2023-02-01' }),
  official('kommun-0580', WG_VIOLENCE, 'Hedvig Ström', 'Utvecklingsledare', { from: '2023-09-01' }),
]
