import type { FieldError } from '../../../platform/views/error-summary.tsx'
import { errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, DateField, Form } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { JusteringState } from '../justering.service.ts'
import type { Decision } from '../minutes.repo.ts'
import { JusterareList } from './justering-parts.tsx'
import { type Values, meetingCrumbs, str, when } from './parts.tsx'

export interface JusteringPageProps {
  state: JusteringState
  decisions: Decision[]
  values: Values
  errors?: FieldError[]
}

/**
 * Justering in steps on one address: the secretary chooses the justerare; a justerare reads the §§
 * and confirms ("Är du säker?"); the secretary records a paper justering. Each lock is preceded by a
 * page that says the protocol will lock.
 */
export function JusteringPage({ state, decisions, values, errors }: JusteringPageProps) {
  const { t } = usePage()
  const { meeting: m, body, manage, mine, locksNext } = state
  const requested = !!m.justeringRequestedAt
  const title = mine ? t('meetings.justering.confirmTitle') : requested ? t('meetings.justering.recordTitle') : t('meetings.justering.requestTitle')
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...meetingCrumbs(t, body, m), { label: title }]}>
      <span class="body-s">
        {m.title}, {when(m)}
      </span>
      <h1 class="heading-l">{title}</h1>
      <section aria-labelledby="decisions-summary-heading">
        <h2 class="heading-m" id="decisions-summary-heading">
          {t('meetings.justering.decisionsHeading', { count: decisions.length })}
        </h2>
        <ul class="list">
          {decisions.map((d) => (
            <li>{t('meetings.decisions.heading', { paragraph: d.paragraph, title: d.title })}</li>
          ))}
        </ul>
        <p class="body">
          <a href={`/meetings/${m.id}/protocol`}>{t('meetings.documents.protocolHtml')}</a>
        </p>
      </section>
      {!requested && manage && <RequestForm state={state} values={values} errors={errors} />}
      {requested && <JusterareList justerare={state.justerare} />}
      {mine && (
        <Form action={`/meetings/${m.id}/justering/confirm`}>
          <input type="hidden" name="version" value={String(m.version)} />
          <p class="warning-text">{locksNext ? t('meetings.justering.sureLocks') : t('meetings.justering.sureOthers')}</p>
          <div class="button-group">
            <Button variant="warning">{t('meetings.justering.confirmSubmit')}</Button>
            <a href={`/meetings/${m.id}`}>{t('meetings.form.cancel')}</a>
          </div>
        </Form>
      )}
      {requested && manage && !mine && (
        <Form action={`/meetings/${m.id}/justering/record`}>
          <input type="hidden" name="version" value={String(m.version)} />
          <p class="body">{t('meetings.justering.recordIntro')}</p>
          <DateField name="justeradOn" label={t('meetings.justering.justeradOn')} value={str(values.justeradOn)} error={errorFor(errors, 'justeradOn')} />
          <p class="warning-text">{t('meetings.justering.sureLocks')}</p>
          <div class="button-group">
            <Button variant="warning">{t('meetings.justering.recordSubmit')}</Button>
            <a href={`/meetings/${m.id}`}>{t('meetings.form.cancel')}</a>
          </div>
        </Form>
      )}
    </Layout>
  )
}

function RequestForm({ state, values, errors }: { state: JusteringState; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const { meeting: m, present, blockers } = state
  if (blockers.length && !errors?.length)
    return (
      <section aria-labelledby="blockers-heading">
        <h2 class="heading-m" id="blockers-heading">
          {t('meetings.justering.notYet')}
        </h2>
        <ul class="list">
          {blockers.map((b) => (
            <li>{t(b.key)}</li>
          ))}
        </ul>
      </section>
    )
  const chosen = Array.isArray(values.justerare) ? values.justerare : values.justerare ? [values.justerare] : []
  return (
    <Form action={`/meetings/${m.id}/justering`}>
      <input type="hidden" name="version" value={str(values.version) ?? String(m.version)} />
      <Checkboxes
        name="justerare"
        label={t('meetings.justering.choose')}
        hint={present.length ? t('meetings.justering.chooseHint') : t('meetings.justering.nobodyPresent')}
        values={chosen}
        options={present.map((p) => ({ value: p.seatId, label: `${p.name} (${p.partyName})` }))}
        error={errorFor(errors, 'justerare')}
      />
      <p class="body">{t('meetings.justering.requestIntro')}</p>
      <div class="button-group">
        <Button>{t('meetings.justering.requestSubmit')}</Button>
        <a href={`/meetings/${m.id}`}>{t('meetings.form.cancel')}</a>
      </div>
    </Form>
  )
}
