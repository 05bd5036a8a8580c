import { usePage } from '../../../platform/views/page-context.ts'
import type { Survey } from '../surveys.repo.ts'

/** Demo surveys are made up by a seeded generator: every page that shows them says so first. */
export function SyntheticNotice({ survey }: { survey: Pick<Survey, 'isSynthetic'> }) {
  const { t } = usePage()
  if (!survey.isSynthetic) return null
  return (
    <div class="inset-text">
      <p class="body">
        <strong>{t('surveys.synthetic.title')}</strong> {t('surveys.synthetic.text')}
      </p>
    </div>
  )
}
