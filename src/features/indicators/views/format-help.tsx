import { DataTable } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { LONG_COLUMNS } from '../parse/long.ts'
import { IMPORT_FORMATS } from '../parse/types.ts'

/** What each import format looks like: on the import page and on the help page, the same text. */
export function FormatHelp({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = usePage()
  const H = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="format-help">
      <H class="heading-m" id="format-help">
        {t('indicators.help.formatsTitle')}
      </H>
      <p class="body">{t('indicators.help.common')}</p>
      <ul class="list list--bullet">
        <li>{t('indicators.help.cells.decimal')}</li>
        <li>{t('indicators.help.cells.thousands')}</li>
        <li>{t('indicators.help.cells.suppressed')}</li>
        <li>{t('indicators.help.cells.zero')}</li>
        <li>{t('indicators.help.cells.allOrNothing')}</li>
        <li>{t('indicators.help.cells.periods')}</li>
      </ul>
      {IMPORT_FORMATS.map((f) => (
        <div>
          <h3 class="heading-s" id={`format-${f}`}>
            {t(`indicators.formats.${f}.name`)}
          </h3>
          <p class="body">{t(`indicators.formats.${f}.help`)}</p>
          <pre class="body-s">
            <code>{t(`indicators.formats.${f}.example`)}</code>
          </pre>
        </div>
      ))}
      <DataTable
        caption={t('indicators.help.longCaption')}
        rows={[...LONG_COLUMNS]}
        columns={[
          { key: 'column', label: t('indicators.help.column'), render: (c) => <code>{c}</code> },
          { key: 'meaning', label: t('indicators.help.meaning'), render: (c) => t(`indicators.help.long.${c}`) },
        ]}
      />
      <h3 class="heading-s" id="format-population">
        {t('indicators.help.populationTitle')}
      </h3>
      <p class="body">{t('indicators.help.population')}</p>
      <pre class="body-s">
        <code>{'kommun;ar;folkmangd\r\n0580;2024;168 035\r\nNorrköping;2024;144980'}</code>
      </pre>
    </section>
  )
}
