import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { JusterareRow } from '../justering.repo.ts'

/** The justerare and where each stands: justerat (with own account, or recorded by the secretary) or waiting. */
export function JusterareList({ justerare }: { justerare: JusterareRow[] }) {
  const { t } = usePage()
  return (
    <ul class="list" aria-label={t('meetings.justering.justerare')}>
      {justerare.map((j) => (
        <li>
          {j.name}{' '}
          {j.confirmedAt ? (
            <StatusTag
              status="green"
              label={t(j.method === 'account' ? 'meetings.justering.doneAccount' : 'meetings.justering.doneRecorded', { date: j.justeradOn ?? '' })}
            />
          ) : (
            <StatusTag status="yellow" label={t('meetings.justering.waiting')} />
          )}
        </li>
      ))}
    </ul>
  )
}
