import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, Form, Radios, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { Method } from '../methods.repo.ts'
import { CAUSE_SIDES, EFFECT_LEVELS } from '../methods.tables.ts'
import { EffectTag, type Values, libraryCrumbs, methodCrumbs, sidesText, str, strs } from './parts.tsx'

/** The form's values from a stored method. */
export function methodValues(m: Method): Values {
  return {
    name: m.name,
    summary: m.summary,
    problemTypes: m.problemTypes.join('\n'),
    causeSides: [...m.causeSides],
    effectLevel: m.effectLevel,
    effectText: m.effectText,
    source: m.source,
    sourceUrl: m.sourceUrl ?? '',
    version: String(m.version),
  }
}

interface Props {
  /** The method being edited; none when proposing a new one. */
  method?: Method
  curator: boolean
  values: Values
  errors?: FieldError[]
  /** When the save was overtaken: what is stored now, beside what the user wrote. */
  conflict?: Method
}

export function MethodFormPage({ method, curator, values, errors, conflict }: Props) {
  const { t } = usePage()
  const title = method ? t('methods.form.editTitle', { name: method.name }) : t(curator ? 'methods.form.newTitleCurator' : 'methods.form.newTitle')
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  const crumbs = method ? methodCrumbs(t, method) : libraryCrumbs(t)
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...crumbs, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      {!method && <p class="body">{t(curator ? 'methods.form.newLeadCurator' : 'methods.form.newLead')}</p>}
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-heading">
          <h2 class="heading-m" id="conflict-heading">
            {t('methods.form.conflictTitle')}
          </h2>
          <p class="body">{t('methods.form.conflictLead')}</p>
          <h3 class="heading-s">{conflict.name}</h3>
          <Paragraphs text={conflict.summary} />
          <p class="body">
            {t('methods.page.problemTypes')}: {conflict.problemTypes.join(', ') || '–'}
          </p>
          <p class="body">
            {t('methods.page.sides')}: {sidesText(t, conflict.causeSides) || '–'}
          </p>
          <p class="body">
            {t('methods.page.effectLevel')}: <EffectTag level={conflict.effectLevel} />
          </p>
          {conflict.effectText && <Paragraphs text={conflict.effectText} />}
          <p class="body">
            {t('methods.page.source')}: {conflict.source || '–'} {conflict.sourceUrl ?? ''}
          </p>
        </section>
      )}
      <Form action={method ? `/methods/${method.id}/edit` : '/methods/new'}>
        {method && <input type="hidden" name="version" value={str(values.version)} />}
        <TextField {...field('name')} label={t('methods.form.name')} />
        <TextArea {...field('summary')} label={t('methods.form.summary')} hint={t('methods.form.summaryHint')} rows={4} />
        <TextArea {...field('problemTypes')} label={t('methods.form.problemTypes')} hint={t('methods.form.problemTypesHint')} rows={4} />
        <Checkboxes
          name="causeSides"
          label={t('methods.form.causeSides')}
          hint={t('methods.form.causeSidesHint')}
          values={strs(values.causeSides)}
          error={errorFor(errors, 'causeSides') ?? errors?.find((e) => e.field.startsWith('causeSides.'))?.message}
          options={CAUSE_SIDES.map((s) => ({ value: s, label: t(`methods.side.${s}`) }))}
        />
        <Radios
          {...field('effectLevel')}
          label={t('methods.form.effectLevel')}
          options={EFFECT_LEVELS.map((e) => ({ value: e, label: t(`methods.effect.${e}`) }))}
        />
        <TextArea {...field('effectText')} label={t('methods.form.effectText')} hint={t('methods.form.effectTextHint')} rows={5} />
        <TextField {...field('source')} label={t('methods.form.source')} hint={t('methods.form.sourceHint')} />
        <TextField {...field('sourceUrl')} label={t('methods.form.sourceUrl')} hint={t('methods.form.sourceUrlHint')} type="url" spellcheck={false} />
        <Button>{t(method || curator ? 'methods.form.save' : 'methods.form.propose')}</Button>{' '}
        <a href={method ? `/methods/${method.id}` : '/methods'}>{t('methods.form.cancel')}</a>
      </Form>
    </Layout>
  )
}
