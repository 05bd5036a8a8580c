import { usePage } from '../../../platform/views/page-context.ts'
import type { MeetingDetail } from '../meetings.service.ts'
import { JusterareList } from './justering-parts.tsx'
import { ActionButton } from './parts.tsx'

/**
 * Where the justering stands and what the reader can do about it: the convenor sends the minutes
 * for justering (or sees why not yet), a justerare justerar, the convenor records a paper justering
 * or takes the minutes back.
 */
export function JusteringSection({ detail }: { detail: MeetingDetail }) {
  const { t } = usePage()
  const { meeting: m, manage, justerare, mayJustera, justeringBlockers } = detail
  const requested = !!m.justeringRequestedAt
  if (!manage && !requested && !m.minutesApprovedAt) return null
  return (
    <section aria-labelledby="justering-heading">
      <h2 class="heading-m" id="justering-heading">
        {t('meetings.justering.title')}
      </h2>
      {justerare.length > 0 && <JusterareList justerare={justerare} />}
      {m.minutesApprovedAt && <p class="body">{t('meetings.approve.locked')}</p>}
      {!requested &&
        !m.minutesApprovedAt &&
        manage &&
        (justeringBlockers.length ? (
          <>
            <p class="body">{t('meetings.justering.notYet')}</p>
            <ul class="list">
              {justeringBlockers.map((k) => (
                <li>{t(k)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p class="body">
            <a class="button" href={`/meetings/${m.id}/justering`}>
              {t('meetings.justering.request')}
            </a>
          </p>
        ))}
      {requested && !m.minutesApprovedAt && (
        <>
          <p class="body">{t('meetings.justering.underway')}</p>
          <div class="button-group">
            {mayJustera && (
              <a class="button" href={`/meetings/${m.id}/justering`}>
                {t('meetings.justering.justera')}
              </a>
            )}
            {manage && !mayJustera && (
              <a class="button button--secondary" href={`/meetings/${m.id}/justering`}>
                {t('meetings.justering.record')}
              </a>
            )}
            {manage && <ActionButton action={`/meetings/${m.id}/justering/withdraw`} label={t('meetings.justering.withdraw')} variant="secondary" />}
          </div>
        </>
      )}
    </section>
  )
}

/** The meeting as documents: the kallelse and the calendar file always, the protocol once it is justerat. */
export function DocumentsSection({ detail }: { detail: MeetingDetail }) {
  const { t } = usePage()
  const { meeting: m } = detail
  return (
    <section aria-labelledby="documents-heading">
      <h2 class="heading-m" id="documents-heading">
        {t('meetings.documents.title')}
      </h2>
      <ul class="list">
        <li>
          <a href={`/meetings/${m.id}/kallelse.docx`}>{t('meetings.documents.kallelse')}</a>
        </li>
        <li>
          <a href={`/meetings/${m.id}/meeting.ics`}>{t('meetings.documents.ics')}</a>
        </li>
        {m.minutesApprovedAt ? (
          <>
            <li>
              <a href={`/meetings/${m.id}/protocol.pdf`}>{t('meetings.documents.protocolPdf')}</a>
            </li>
            <li>
              <a href={`/meetings/${m.id}/protocol.docx`}>{t('meetings.documents.protocolDocx')}</a>
            </li>
            <li>
              <a href={`/meetings/${m.id}/protocol`}>{t('meetings.documents.protocolHtml')}</a>
            </li>
          </>
        ) : (
          <li>{t('meetings.documents.protocolLater')}</li>
        )}
      </ul>
    </section>
  )
}
