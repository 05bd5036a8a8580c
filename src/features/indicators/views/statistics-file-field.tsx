import { FileField } from '../../../platform/views/form-controls.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** The file field of the statistics uploads (observations, populations): CSV or XLSX, one field named `file`. */
export function StatisticsFileField({ error }: { error?: string }) {
  const { t } = usePage()
  return (
    <FileField
      name="file"
      label={t('indicators.import.file')}
      hint={t('indicators.import.fileHint')}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      error={error}
    />
  )
}
