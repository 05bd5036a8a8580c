/**
 * Demo mode: the example plans of every Östergötland municipality (issue 8), invented but plausible,
 * and labelled as examples wherever they are shown. Places are real districts; people and figures are not.
 */

export interface DemoMunicipality {
  code: string
  name: string
  /** The district the examples are about, and the town centre. */
  place: string
  centre: string
  /** Municipalities whose follow-up has fallen behind in the story (the last months are missing). */
  behind?: boolean
}

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  { code: '0580', name: 'Linköping', place: 'Skäggetorp', centre: 'Linköpings innerstad' },
  { code: '0581', name: 'Norrköping', place: 'Hageby', centre: 'Norrköpings centrum' },
  { code: '0583', name: 'Motala', place: 'Råssnäs', centre: 'Motala centrum' },
  { code: '0586', name: 'Mjölby', place: 'Resecentrum', centre: 'Mjölby centrum' },
  { code: '0562', name: 'Finspång', place: 'Nyhem', centre: 'Finspångs centrum' },
  { code: '0582', name: 'Söderköping', place: 'Hagaområdet', centre: 'Söderköpings centrum' },
  { code: '0561', name: 'Åtvidaberg', place: 'Grebo', centre: 'Åtvidabergs centrum', behind: true },
  { code: '0563', name: 'Valdemarsvik', place: 'Hamnen', centre: 'Valdemarsviks centrum' },
  { code: '0584', name: 'Vadstena', place: 'Hamnområdet', centre: 'Vadstena centrum' },
  { code: '0509', name: 'Ödeshög', place: 'Stora torget', centre: 'Ödeshögs centrum' },
  { code: '0513', name: 'Kinda', place: 'Kisa', centre: 'Kisa centrum', behind: true },
  { code: '0560', name: 'Boxholm', place: 'Stationsområdet', centre: 'Boxholms centrum', behind: true },
  { code: '0512', name: 'Ydre', place: 'Österbymo', centre: 'Österbymo centrum' },
]

/** Narratives for each month's entry, taken in turn; `{place}` is the municipality's district. */
export const NARRATIVES: Record<string, string[]> = {
  drugs: [
    'Riktad insats vid skolorna i {place} tillsammans med fältassistenterna.',
    'Två insatser vid samlingsplatserna i {place} en fredagskväll och en lördagskväll.',
    'Insats vid skolorna; inga beslag men flera samtal med ungdomar och personal.',
    'Ingen insats denna månad på grund av polisens prioriteringar i länet.',
  ],
  walks: [
    'Trygghetsvandring i {place} med boende, bostadsbolaget och polisen. Brister i belysning noterade.',
    'Planering av nästa trygghetsvandring tillsammans med hyresgästföreningen.',
    'Återkoppling till boende om åtgärderna efter förra vandringen.',
  ],
  lighting: [
    'Inventering av belysningen längs gångstråken i {place} klar.',
    'Upphandling av ny belysning pågår.',
    'Ny belysning monterad längs två av tre gångstråk.',
    'Belysningen klar; uppföljning med boende vid nästa trygghetsvandring.',
  ],
  youth: [
    'Fältassistenter och föreningar ute fredag och lördag kväll i {place}.',
    'Nattvandring med föräldrar och föreningar; lugnt i området.',
    'Färre vuxna ute än planerat under sommaren; nya föreningar tillfrågade.',
  ],
  picture: ['Gemensam lägesbild tagen fram och presenterad i trygghetsrådet.', 'Lägesbilden uppdaterad med anmälda brott och EST-rapporter.'],
  county: ['Stöd till kommunerna genom nätverksträffar och enskilda samtal.', 'Arbetet följer planen; två kommuner har fått särskilt stöd.'],
}
