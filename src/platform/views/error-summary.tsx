import { usePage } from './page-context.ts'

export interface FieldError {
  /** The form field's name; the summary links to the element with this id. */
  field: string
  message: string
}

/** GOV.UK error summary: a focused box at the top linking each message to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = usePage()
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-autofocus>
      <h2 class="error-summary__title" id="error-summary-title">
        {t('platform.forms.errorSummaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>{e.field ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}

/** Field names may contain dots or brackets; ids stay simple and predictable. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`

export const errorFor = (errors: FieldError[] | undefined, field: string) => errors?.find((e) => e.field === field)?.message
