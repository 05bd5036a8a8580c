import { allObservations } from '../indicators/index.ts'
import { publicEstimateCells } from '../surveys/index.ts'
import { publicAdoptedReports } from '../yearly-reports/index.ts'
import type { Dataset } from './datasets.ts'

/** The open datasets of figures and reports: aggregate indicators, survey estimates (suppressed), adopted reports. */
export const indicatorObservations: Dataset = {
  key: 'indicator-observations',
  theme: 'JUST',
  landingPath: '/indicators',
  columns: [
    { name: 'indicator_key', type: 'text', sv: 'Indikatorns nyckel, t.ex. bra_anmalda_narkotikabrott.' },
    { name: 'indicator_name', type: 'text', sv: 'Indikatorns namn.' },
    { name: 'unit', type: 'text', sv: 'Enhet: count (antal), per_100000 (per 100 000 invånare), percent (procent), index eller mean (medelvärde).' },
    { name: 'source', type: 'text', sv: 'Källan, t.ex. Brå.' },
    { name: 'attribution', type: 'text', sv: 'Källhänvisningen som källan kräver vid varje användning av siffrorna.' },
    { name: 'area_code', type: 'text', sv: "Område: '00' hela landet, två siffror ett län, fyra en kommunkod, annars en DeSO-kod." },
    { name: 'area_name', type: 'text', nullable: true, sv: 'Områdets namn, när det är känt.' },
    { name: 'period', type: 'text', sv: 'Period: ÅÅÅÅ, ÅÅÅÅ-T1 (tertial), ÅÅÅÅ-Q2 (kvartal) eller ÅÅÅÅ-MM (månad).' },
    { name: 'breakdown', type: 'text', sv: "Uppdelning: tom för alla, annars t.ex. 'kon=kvinna' (nycklar sorterade, åtskilda med ;)." },
    {
      name: 'suppressed',
      type: 'boolean',
      sv: 'true när källan har undertryckt värdet (Brås ”..”): då är value, per_100000, ci_low och ci_high tomma. Ett undertryckt värde är aldrig 0.',
    },
    { name: 'value', type: 'decimal', nullable: true, sv: 'Värdet. Tomt om suppressed är true.' },
    { name: 'per_100000', type: 'decimal', nullable: true, sv: 'Per 100 000 invånare, för indikatorer som har det och där folkmängden är känd.' },
    { name: 'population_year', type: 'integer', nullable: true, sv: 'Året vars folkmängd per_100000 bygger på (samma år eller närmaste år som finns).' },
    { name: 'base_n', type: 'integer', nullable: true, sv: 'Antal svarande eller fall som värdet bygger på, när källan anger det.' },
    { name: 'ci_low', type: 'decimal', nullable: true, sv: 'Konfidensintervallets nedre gräns, när källan anger det.' },
    { name: 'ci_high', type: 'decimal', nullable: true, sv: 'Konfidensintervallets övre gräns, när källan anger det.' },
    { name: 'preliminary', type: 'boolean', sv: 'true om källan anger värdet som preliminärt.' },
    { name: 'synthetic', type: 'boolean', sv: 'true för påhittade demodata (seedade), inte källans statistik.' },
    { name: 'url', type: 'url', sv: 'Indikatorns publika sida.' },
  ],
  async load(deps) {
    const { indicators, areaName } = await allObservations(deps)
    return indicators.flatMap(({ indicator: i, observations }) =>
      observations.map((o) => ({
        indicator_key: i.key,
        indicator_name: i.name,
        unit: i.unit,
        source: i.source,
        attribution: i.attribution,
        area_code: o.areaCode,
        area_name: areaName(o.areaCode) ?? null,
        period: o.period,
        breakdown: o.breakdown,
        suppressed: o.suppressed,
        // A suppressed item has no value: empty, never 0 (the service already gives null; kept explicit).
        value: o.suppressed ? null : o.value,
        per_100000: o.suppressed ? null : o.per100000,
        population_year: o.suppressed ? null : o.populationYear,
        base_n: o.baseN,
        ci_low: o.suppressed ? null : o.ciLow,
        ci_high: o.suppressed ? null : o.ciHigh,
        preliminary: o.preliminary,
        synthetic: o.synthetic,
        url: `${deps.config.baseUrl}/indicators/${i.key}`,
      })),
    )
  },
}

export const surveyEstimates: Dataset = {
  key: 'survey-estimates',
  theme: 'JUST',
  landingPath: '/surveys',
  columns: [
    { name: 'survey_id', type: 'uuid', sv: 'Enkätens identitet (UUID).' },
    { name: 'survey_name', type: 'text', sv: 'Enkätens namn.' },
    { name: 'attribution', type: 'text', sv: 'Källhänvisningen som ska stå vid varje användning av siffrorna.' },
    { name: 'suppression_threshold', type: 'integer', sv: 'Minsta antal svarande för att en grupp ska visas (små celler undertrycks).' },
    { name: 'synthetic', type: 'boolean', sv: 'true för påhittade demodata, inte en verklig enkät.' },
    { name: 'area_code', type: 'text', sv: 'Kommunkod (fyra siffror) eller länskod (två siffror).' },
    { name: 'area_name', type: 'text', sv: 'Områdets namn.' },
    { name: 'year', type: 'integer', sv: 'Enkätåret.' },
    { name: 'question_key', type: 'text', sv: 'Frågans nyckel.' },
    { name: 'question_text', type: 'text', sv: 'Frågan.' },
    { name: 'group', type: 'text', sv: 'Gruppen: kvinna (kvinnor), man (män) eller alla (alla som svarat, oavsett kön).' },
    {
      name: 'suppressed',
      type: 'boolean',
      sv: 'true när gruppen har färre svarande än tröskeln, eller döljs för att en annan grupp inte ska kunna räknas fram. Då är share, ci_low, ci_high och n tomma – aldrig 0.',
    },
    { name: 'share', type: 'decimal', nullable: true, sv: 'Viktad andel (0–1) av de svarande som gav ett av de redovisade svaren.' },
    { name: 'ci_low', type: 'decimal', nullable: true, sv: '95 % konfidensintervallets nedre gräns (andel 0–1).' },
    { name: 'ci_high', type: 'decimal', nullable: true, sv: '95 % konfidensintervallets övre gräns (andel 0–1).' },
    { name: 'n', type: 'integer', nullable: true, sv: 'Antal svarande i gruppen. Tomt även när n skulle avslöja en liten grupp genom subtraktion.' },
    {
      name: 'women_minus_men',
      type: 'decimal',
      nullable: true,
      sv: 'Skillnaden kvinnor − män i andel (0–1), bara på raden alla och bara när båda grupperna visas.',
    },
    { name: 'p_value', type: 'decimal', nullable: true, sv: 'Tvåsidigt p-värde för skillnaden kvinnor − män (bara på raden alla).' },
    { name: 'url', type: 'url', sv: 'Samma siffror i plattformens publika API.' },
  ],
  async load(deps) {
    const cells = await publicEstimateCells(deps)
    return cells.flatMap(({ survey, area, year, question, view }) =>
      view.groups.map((g) => {
        const shown = g.suppressed ? null : g
        const d = g.group === 'alla' ? view.difference : null
        return {
          survey_id: survey.id,
          survey_name: survey.name,
          attribution: survey.attribution,
          suppression_threshold: survey.suppressionThreshold,
          synthetic: survey.isSynthetic,
          area_code: area.code,
          area_name: area.name,
          year,
          question_key: question.key,
          question_text: question.text,
          group: g.group,
          suppressed: g.suppressed,
          share: shown ? shown.estimate.share : null,
          ci_low: shown ? shown.estimate.ciLow : null,
          ci_high: shown ? shown.estimate.ciHigh : null,
          n: shown?.showN ? shown.estimate.n : null,
          women_minus_men: d ? d.estimate : null,
          p_value: d ? d.pValue : null,
          url: `${deps.config.baseUrl}/api/v1/surveys/${survey.id}/estimates?area=${area.code}&year=${year}&question=${question.key}`,
        }
      }),
    )
  },
}

export const yearlyReportsSet: Dataset = {
  key: 'yearly-reports',
  theme: 'JUST',
  landingPath: '/open-data',
  columns: [
    { name: 'report_id', type: 'uuid', sv: 'Rapportens identitet (UUID).' },
    { name: 'collaboration_id', type: 'uuid', sv: 'Samverkan som rapporten gäller (id i datamängden collaborations).' },
    { name: 'kind', type: 'text', sv: 'Slag av rapport: follow_up (samverkans uppföljning och utvärdering) eller bra (länsstyrelsens rapport till Brå).' },
    { name: 'year', type: 'integer', sv: 'Rapportåret.' },
    { name: 'scope', type: 'text', sv: 'Vad rapporten omfattar: year (året) eller period (hela perioden till och med året).' },
    { name: 'title', type: 'text', sv: 'Rapportens rubrik.' },
    { name: 'adopted_by', type: 'text', nullable: true, sv: 'Organet som antog rapporten.' },
    { name: 'adopted_on', type: 'date', nullable: true, sv: 'Dagen rapporten antogs.' },
    { name: 'adopted_paragraph', type: 'text', nullable: true, sv: 'Paragrafen i protokollet.' },
    { name: 'url', type: 'url', sv: 'Rapporten på webbplatsen; samma adress med /export.docx eller /export.pdf ger Word och PDF.' },
  ],
  async load(deps) {
    return (await publicAdoptedReports(deps)).map((r) => ({
      report_id: r.id,
      collaboration_id: r.collaborationId,
      kind: r.kind,
      year: r.year,
      scope: r.scope,
      title: r.title,
      adopted_by: r.adoptedBy,
      adopted_on: r.adoptedOn,
      adopted_paragraph: r.adoptedParagraph,
      url: `${deps.config.baseUrl}/yearly-reports/${r.id}`,
    }))
  },
}
