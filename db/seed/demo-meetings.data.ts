/**
 * The demo meetings' texts (see demo-meetings.ts): what a styrgrupp and a beredningsgrupp in a
 * county-wide crime-prevention collaboration typically decide, in our own words.
 */

/** Styrgruppen meets four times a year: the second Wednesday of February, May, September and November. */
export const STEERING_MONTHS = [2, 5, 9, 11]
/** Beredningsgruppen meets eight times a year: the first Tuesday of these months. */
export const PREPARATION_MONTHS = [1, 2, 3, 4, 5, 9, 10, 11]

export interface MeetingTemplate {
  agenda: string[]
  minutes: string
  decisions: { title: string; text: string }[]
  action: string
}

export const STEERING: Record<number, MeetingTemplate> = {
  2: {
    agenda: ['Mötets öppnande och val av justerare', 'Lägesbild för länet', 'Årsrapport för föregående år', 'Övriga frågor'],
    minutes:
      'Ordföranden öppnade mötet och hälsade alla välkomna.\n\nPolisen och Länsstyrelsen redovisade lägesbilden för länet. Diskussion om hur kommunernas lägesbilder kan samlas inför våren.',
    decisions: [
      { title: 'Lägesbild för länet', text: 'Styrgruppen tar del av lägesbilden och lägger den till handlingarna.' },
      { title: 'Årsrapport', text: 'Styrgruppen godkänner årsrapporten för föregående år och ger beredningsgruppen i uppdrag att sprida den till parterna.' },
    ],
    action: 'Sprida årsrapporten till parterna',
  },
  5: {
    agenda: ['Mötets öppnande och val av justerare', 'Rapport från arbetsgrupperna', 'Uppföljning av programförklaringen', 'Övriga frågor'],
    minutes:
      'Ordföranden öppnade mötet.\n\nArbetsgruppernas ordförande rapporterade om arbetet under våren. Beredningsgruppen presenterade uppföljningen av parternas åtaganden.',
    decisions: [
      { title: 'Rapport från arbetsgrupperna', text: 'Styrgruppen tar del av rapporterna och lägger dem till handlingarna.' },
      {
        title: 'Uppföljning av programförklaringen',
        text: 'Styrgruppen godkänner uppföljningen och ger beredningsgruppen i uppdrag att kontakta de parter som ännu inte har utsett representanter.',
      },
    ],
    action: 'Kontakta parter som saknar representant i arbetsgrupp',
  },
  9: {
    agenda: ['Mötets öppnande och val av justerare', 'Lägesbild för länet', 'Inriktning för arbetsgrupperna', 'Övriga frågor'],
    minutes: 'Ordföranden öppnade mötet.\n\nLägesbilden efter sommaren redovisades. Styrgruppen diskuterade arbetsgruppernas inriktning för det kommande året.',
    decisions: [
      { title: 'Lägesbild för länet', text: 'Styrgruppen tar del av lägesbilden och lägger den till handlingarna.' },
      { title: 'Inriktning för arbetsgrupperna', text: 'Styrgruppen fastställer inriktningen för arbetsgrupperna enligt beredningsgruppens förslag.' },
    ],
    action: 'Ta fram förslag till verksamhetsplan',
  },
  11: {
    agenda: ['Mötets öppnande och val av justerare', 'Verksamhetsplan för nästa år', 'Mötesplan för nästa år', 'Övriga frågor'],
    minutes:
      'Ordföranden öppnade mötet.\n\nBeredningsgruppen presenterade förslaget till verksamhetsplan. Parterna lämnade synpunkter som arbetades in under mötet.',
    decisions: [
      { title: 'Verksamhetsplan', text: 'Styrgruppen fastställer verksamhetsplanen för nästa år.' },
      { title: 'Mötesplan', text: 'Styrgruppen fastställer mötesplanen för nästa år.' },
    ],
    action: 'Skicka ut verksamhetsplanen till parternas ledningar',
  },
}

export const PREPARATION: MeetingTemplate[] = [
  {
    agenda: ['Mötets öppnande och val av justerare', 'Beredning inför styrgruppen', 'Rapporter från parterna', 'Övriga frågor'],
    minutes: 'Ordföranden öppnade mötet.\n\nGruppen gick igenom underlagen inför styrgruppens nästa möte. Parterna rapporterade kort om sitt arbete.',
    decisions: [
      { title: 'Underlag till styrgruppen', text: 'Beredningsgruppen godkänner underlagen och överlämnar dem till styrgruppen.' },
      { title: 'Rapporter från parterna', text: 'Beredningsgruppen tar del av rapporterna och lägger dem till handlingarna.' },
    ],
    action: 'Sammanställa underlag till styrgruppen',
  },
  {
    agenda: ['Mötets öppnande och val av justerare', 'Lägesbild från arbetsgrupperna', 'Kompetensinsatser', 'Övriga frågor'],
    minutes: 'Ordföranden öppnade mötet.\n\nArbetsgruppernas kontaktpersoner redovisade läget. Gruppen diskuterade en gemensam utbildningsdag om lägesbilder.',
    decisions: [
      { title: 'Lägesbild från arbetsgrupperna', text: 'Beredningsgruppen tar del av lägesbilden och lägger den till handlingarna.' },
      { title: 'Utbildningsdag', text: 'Beredningsgruppen beslutar att planera en gemensam utbildningsdag om lokala lägesbilder.' },
    ],
    action: 'Planera utbildningsdag om lokala lägesbilder',
  },
]
