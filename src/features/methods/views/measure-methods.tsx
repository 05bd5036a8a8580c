import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Select } from '../../../platform/views/form-controls.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ConfirmForm } from '../../../platform/views/text-blocks.tsx'
import type { MeasureMethodsData } from '../measure-methods.service.ts'
import type { Method } from '../methods.repo.ts'
import { EffectTag, MethodStatusTag, type Values, str } from './parts.tsx'

/** "Metod: EST, Trygghetsvandring" under a measure on the plan page. */
export function MeasureMethodsInline({ methods }: { methods: Method[] }) {
  const { t } = usePage()
  if (methods.length === 0) return null
  return (
    <p class="body-s">
      {t('methods.measure.inline')}{' '}
      {methods.map((m, i) => (
        <>
          {i > 0 && ', '}
          <a href={`/methods/${m.id}`}>{m.name}</a>
        </>
      ))}
    </p>
  )
}

/**
 * The methods a measure applies, on the measure's page: each links to the library, and those who may
 * edit the plan link a curated method or remove one (plain forms, no script needed).
 */
export function MeasureMethodsSection({ d, values = {}, errors }: { d: MeasureMethodsData; values?: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const action = `/measures/${d.item.id}/methods`
  return (
    <section aria-labelledby="measure-methods">
      <h2 class="heading-m" id="measure-methods">
        {t('methods.measure.title')}
      </h2>
      {d.linked.length === 0 ? (
        <p class="body">{t('methods.measure.none')}</p>
      ) : (
        <ul class="list">
          {d.linked.map((m) => (
            <li>
              <a href={`/methods/${m.id}`}>{m.name}</a> <MethodStatusTag status={m.status} /> <EffectTag level={m.effectLevel} />
              {d.canLink && (
                <>
                  {' '}
                  <ConfirmForm action={`${action}/remove`} confirm={t('methods.measure.unlinkConfirm', { name: m.name })}>
                    <input type="hidden" name="methodId" value={m.id} />
                    <Button variant="secondary">{t('methods.measure.unlink', { name: m.name })}</Button>
                  </ConfirmForm>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.canLink &&
        (d.options.length === 0 ? (
          <p class="body">{t('methods.measure.noOptions')}</p>
        ) : (
          <Form action={action}>
            <Select
              name="methodId"
              value={str(values.methodId)}
              error={errorFor(errors, 'methodId')}
              label={t('methods.measure.choose')}
              hint={t('methods.measure.chooseHint')}
              placeholder={t('methods.measure.placeholder')}
              options={d.options.map((m) => ({ value: m.id, label: m.name }))}
            />
            <Button variant="secondary">{t('methods.measure.link')}</Button>
          </Form>
        ))}
      <p class="body-s">
        <a href="/methods">{t('methods.measure.library')}</a>
      </p>
    </section>
  )
}
