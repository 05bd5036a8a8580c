import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, type Option, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Person } from '../people.repo.ts'
import { type FormValues, str } from './seats-parts.tsx'

/** New or edit (with `person`): the same fields; the edit form carries the version it was rendered from. */
export function PersonFormPage({
  collaborationId,
  organisations,
  person,
  values,
  errors,
}: {
  collaborationId: string
  organisations: Option[]
  person?: Person
  values?: FormValues
  errors?: FieldError[]
}) {
  const { t } = usePage()
  const title = person ? t('people.editPage.title', { name: person.name }) : t('people.new.title')
  const listHref = `/collaborations/${collaborationId}/people`
  const v: FormValues =
    values ??
    (person
      ? { name: person.name, title: person.title ?? '', organisationId: person.organisationId, email: person.email ?? '', phone: person.phone ?? '' }
      : {})
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[
        { href: '/', label: t('seats.crumbs.home') },
        { href: `/collaborations/${collaborationId}`, label: t('seats.crumbs.collaboration') },
        { href: listHref, label: t('people.title') },
        { label: title },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <Form action={person ? `${listHref}/${person.id}/edit` : `${listHref}/new`}>
        {person && <input type="hidden" name="version" value={String(person.version)} />}
        <TextField name="name" label={t('people.fields.name')} value={str(v.name)} error={errorFor(errors, 'name')} autocomplete="off" width="medium" />
        <TextField
          name="title"
          label={t('people.fields.title')}
          hint={t('people.fields.titleHint')}
          value={str(v.title)}
          error={errorFor(errors, 'title')}
          width="medium"
        />
        <Select
          name="organisationId"
          label={t('people.fields.organisation')}
          hint={t('people.fields.organisationHint')}
          value={str(v.organisationId)}
          placeholder={t('people.chooseOrganisation')}
          options={organisations}
          error={errorFor(errors, 'organisationId')}
        />
        <TextField
          name="email"
          type="email"
          label={t('people.fields.email')}
          value={str(v.email)}
          error={errorFor(errors, 'email')}
          autocomplete="off"
          spellcheck={false}
          width="medium"
        />
        <TextField
          name="phone"
          type="tel"
          label={t('people.fields.phone')}
          value={str(v.phone)}
          error={errorFor(errors, 'phone')}
          autocomplete="off"
          width="medium"
        />
        <div class="button-group">
          <Button>{t(person ? 'people.editPage.submit' : 'people.new.submit')}</Button>
          <a href={listHref}>{t('people.new.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
