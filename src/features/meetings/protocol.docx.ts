/**
 * The protocol and the kallelse as Word documents, declared Swedish (sv-SE) with real headings
 * (Heading 1 for the document, 2 for its parts, 3 for each §), so Word's navigation pane,
 * LibreOffice's navigator and a PDF made from them see the structure.
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx'
import { headingParagraph, lineParagraphs, numberedParagraphs, swedishDocx, textParagraphs } from '../../platform/docx/docx.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import type { ProtocolData, ProtocolPerson } from './protocol.service.ts'

const personLine = (p: ProtocolPerson) => [p.name, p.party, p.role].filter(Boolean).join(', ')
const fact = (label: string, value: string) =>
  new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })

const section = (children: Paragraph[]) => ({
  properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
  footers: {
    default: new Footer({
      children: [
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })] }),
      ],
    }),
  },
  children,
})

function meetingFacts(p: ProtocolData, t: Translate): Paragraph[] {
  return [
    fact(t('meetings.protocol.body'), p.bodyName),
    fact(t('meetings.protocol.when'), `${p.date} ${t('meetings.protocol.clock', { start: p.start, end: p.end })}`),
    fact(t('meetings.protocol.place'), p.place || '–'),
  ]
}

/** Protokoll: the meeting, attendance, the minutes text, each § with its decision, action items, justering. */
export async function protocolDocx(p: ProtocolData, t: Translate): Promise<Buffer> {
  const children: Paragraph[] = [
    headingParagraph(t('meetings.protocol.heading', { body: p.bodyName }), 1),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: p.title, bold: true })] }),
    ...meetingFacts(p, t),
    headingParagraph(t('meetings.protocol.present'), 2),
    ...lineParagraphs(p.present.length ? p.present.map(personLine) : ['–']),
  ]
  if (p.absent.length) children.push(headingParagraph(t('meetings.protocol.absent'), 2), ...lineParagraphs(p.absent.map(personLine)))
  if (p.minutesText.trim()) children.push(headingParagraph(t('meetings.protocol.minutes'), 2), ...textParagraphs(p.minutesText))
  children.push(headingParagraph(t('meetings.protocol.decisions'), 2))
  for (const d of p.decisions) {
    children.push(headingParagraph(t('meetings.decisions.heading', { paragraph: d.paragraph, title: d.title }), 3), ...textParagraphs(d.decisionText))
  }
  if (p.actionItems.length) {
    children.push(
      headingParagraph(t('meetings.protocol.actionItems'), 2),
      ...numberedParagraphs(
        p.actionItems.map((a) =>
          [a.title, t('meetings.protocol.owner', { name: a.owner }), a.dueOn ? t('meetings.protocol.due', { date: a.dueOn }) : '', a.status]
            .filter(Boolean)
            .join(' – '),
        ),
      ),
    )
  }
  if (p.distribution.length) children.push(headingParagraph(t('meetings.distribution.title'), 2), ...lineParagraphs(p.distribution))
  children.push(
    headingParagraph(t('meetings.protocol.justering'), 2),
    ...lineParagraphs(
      p.justerare.map((j) =>
        t(j.method === 'recorded' ? 'meetings.protocol.justeradRecorded' : 'meetings.protocol.justeradAccount', { name: j.name, date: j.justeradOn ?? '–' }),
      ),
    ),
    ...(p.justeradOn ? [fact(t('meetings.protocol.lockedOn'), p.justeradOn)] : []),
  )
  return swedishDocx(
    {
      title: `${t('meetings.protocol.heading', { body: p.bodyName })} ${p.date}`,
      creator: p.bodyName,
      description: p.title,
      subject: t('meetings.protocol.subject'),
    },
    [section(children)],
  )
}

/** Kallelse: who is called, when and where, and the agenda. */
export async function kallelseDocx(p: ProtocolData, t: Translate): Promise<Buffer> {
  const children: Paragraph[] = [
    headingParagraph(t('meetings.kallelse.heading', { body: p.bodyName }), 1),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: p.title, bold: true })] }),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun(t('meetings.kallelse.intro', { body: p.bodyName }))] }),
    ...meetingFacts(p, t),
    headingParagraph(t('meetings.agenda.title'), 2),
    ...(p.agenda.length ? numberedParagraphs(p.agenda) : lineParagraphs([t('meetings.agenda.empty')])),
    headingParagraph(t('meetings.kallelse.invited'), 2),
    ...lineParagraphs(p.invited.length ? p.invited.map(personLine) : ['–']),
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun(t('meetings.kallelse.absence'))] }),
  ]
  return swedishDocx(
    {
      title: `${t('meetings.kallelse.heading', { body: p.bodyName })} ${p.date}`,
      creator: p.bodyName,
      description: p.title,
      subject: t('meetings.kallelse.subject'),
    },
    [section(children)],
  )
}
