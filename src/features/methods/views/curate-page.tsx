import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Radios } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { Method } from '../methods.repo.ts'
import { EffectTag, type Values, methodCrumbs, str } from './parts.tsx'

/** Länsstyrelsen takes a method into the library or declines it. */
export function CuratePage({ method, values, errors }: { method: Method; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const title = t('methods.curate.title', { name: method.name })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...methodCrumbs(t, method), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('methods.curate.lead')}</p>
      <Paragraphs text={method.summary} />
      <p class="body">
        {t('methods.page.effectLevel')}: <EffectTag level={method.effectLevel} />
      </p>
      <p class="body">
        {t('methods.page.status')}: {t(`methods.status.${method.status}`)}
      </p>
      <Form action={`/methods/${method.id}/curate`}>
        <input type="hidden" name="version" value={str(values.version)} />
        <Radios
          name="decision"
          label={t('methods.curate.decision')}
          value={str(values.decision)}
          error={errorFor(errors, 'decision')}
          options={[
            { value: 'curated', label: t('methods.curate.accept') },
            { value: 'declined', label: t('methods.curate.decline') },
          ]}
        />
        <Button>{t('methods.curate.save')}</Button>
      </Form>
    </Layout>
  )
}
