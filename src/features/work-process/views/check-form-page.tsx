import { formatDateTime } from '../../../platform/i18n/format.ts'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Radios, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MunicipalityPoliceArea } from '../../organisations/index.ts'
import type { PointResult } from '../work-process.derive.ts'
import type { Check } from '../work-process.repo.ts'
import { WORK_PROCESS_CHECK_STATES } from '../work-process.tables.ts'
import type { Point } from '../work-process.steps.ts'
import { dateText, overviewCrumbs, pairHref } from './parts.tsx'

export type Values = Record<string, string | string[] | undefined>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))

export const checkValues = (c: Check | undefined): Values =>
  c ? { state: c.state, doneOn: c.doneOn ?? '', evidenceUrl: c.evidenceUrl ?? '', note: c.note, version: String(c.version) } : {}

interface Props {
  pair: MunicipalityPoliceArea
  point: Point & { step: string }
  result: PointResult
  values: Values
  errors?: FieldError[]
  /** When the save was overtaken: what is stored now, shown beside what the user wrote. */
  conflict?: Check
}

/** One point's check: state, date, evidence and a note; on an automatic point the platform's answer stands. */
export function CheckFormPage({ pair, point, result, values, errors, conflict }: Props) {
  const { t, locale } = usePage()
  const pairTitle = t('workProcess.pairName', { municipality: pair.municipalityName, policeArea: pair.policeAreaName })
  const title = t(`workProcess.points.${point.key}.label`)
  const action = `${pairHref(pair)}/checks/${point.key}`
  const field = (n: string) => ({ name: n, value: str(values[n]), error: errorFor(errors, n) })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...overviewCrumbs(t, pair.countyCode), { href: pairHref(pair), label: pairTitle }, { label: title }]}>
      <span class="caption">{t(`workProcess.steps.${point.step}.name`)}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t(`workProcess.points.${point.key}.help`)}</p>
      {result.source === 'platform' && (
        <div class="inset">
          <p class="body">{t('workProcess.check.platformDone', { date: dateText(result.date) })}</p>
        </div>
      )}
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-heading">
          <h2 class="heading-m" id="conflict-heading">
            {t('workProcess.check.conflictTitle')}
          </h2>
          <p class="body">{t('workProcess.check.conflictLead', { at: formatDateTime(conflict.updatedAt, locale) })}</p>
          <SummaryList
            rows={[
              { key: t('workProcess.fields.state'), value: t(`workProcess.pointState.${conflict.state}`) },
              { key: t('workProcess.fields.date'), value: dateText(conflict.doneOn) },
              { key: t('workProcess.fields.evidence'), value: conflict.evidenceUrl || '–' },
              { key: t('workProcess.fields.note'), value: conflict.note || '–' },
            ]}
          />
          <p class="body">{t('workProcess.check.conflictHelp')}</p>
          <p>
            <a href={action}>{t('workProcess.check.conflictDiscard')}</a>
          </p>
        </section>
      )}
      <Form action={action}>
        {str(values.version) && <input type="hidden" name="version" value={str(values.version)} />}
        <Radios
          {...field('state')}
          label={t('workProcess.fields.state')}
          options={WORK_PROCESS_CHECK_STATES.map((s) => ({ value: s, label: t(`workProcess.pointState.${s}`) }))}
        />
        <DateField {...field('doneOn')} label={t('workProcess.fields.doneOn')} />
        <TextField {...field('evidenceUrl')} label={t('workProcess.fields.evidenceUrl')} hint={t('workProcess.fields.evidenceUrlHint')} type="url" />
        <TextArea {...field('note')} label={t('workProcess.fields.noteOptional')} rows={3} />
        <div class="button-group">
          <Button>{t(conflict ? 'workProcess.check.saveAnyway' : 'workProcess.check.save')}</Button>
          <a href={pairHref(pair)}>{t('workProcess.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
