import { DataTable } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ConfirmForm } from '../../../platform/views/text-blocks.tsx'
import type { ContactsPageData } from '../methods.service.ts'
import { type Values, methodCrumbs, str } from './parts.tsx'

/** Who uses a method: the list with remove buttons for those the actor answers for, and a form to add one. */
export function ContactsPage({ d, values, errors }: { d: ContactsPageData; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const m = d.method
  const title = t('methods.contacts.title', { name: m.name })
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...methodCrumbs(t, m), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('methods.contacts.lead')}</p>
      {d.contacts.length === 0 ? (
        <p class="body">{t('methods.page.noContacts')}</p>
      ) : (
        <DataTable
          caption={t('methods.page.contacts')}
          rows={d.contacts}
          columns={[
            { key: 'org', label: t('methods.page.organisation'), render: (c) => c.organisationName },
            { key: 'contact', label: t('methods.page.contactRole'), render: (c) => c.contact || '–' },
            { key: 'since', label: t('methods.page.since'), render: (c) => (c.sinceYear ? String(c.sinceYear) : '–') },
            {
              key: 'remove',
              label: '',
              render: (c) =>
                c.canRemove ? (
                  <ConfirmForm action={`/methods/${m.id}/contacts/remove`} confirm={t('methods.contacts.removeConfirm', { name: c.organisationName })}>
                    <input type="hidden" name="organisationId" value={c.organisationId} />
                    <Button variant="warning">{t('methods.contacts.remove', { name: c.organisationName })}</Button>
                  </ConfirmForm>
                ) : null,
            },
          ]}
        />
      )}
      <h2 class="heading-m">{t('methods.contacts.add')}</h2>
      {d.options.length === 0 ? (
        <p class="body">{t('methods.contacts.none')}</p>
      ) : (
        <Form action={`/methods/${m.id}/contacts`}>
          <Select
            {...field('organisationId')}
            label={t('methods.contacts.organisation')}
            placeholder={t('methods.contacts.choose')}
            options={d.options.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextField {...field('contact')} label={t('methods.contacts.contact')} hint={t('methods.contacts.contactHint')} />
          <TextField
            {...field('sinceYear')}
            label={t('methods.contacts.sinceYear')}
            hint={t('methods.contacts.sinceYearHint')}
            width="narrow"
            inputmode="numeric"
          />
          <Button>{t('methods.contacts.save')}</Button>
        </Form>
      )}
      <p class="body">
        <a href={`/methods/${m.id}`}>{m.name}</a>
      </p>
    </Layout>
  )
}
