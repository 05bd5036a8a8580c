import type { ComponentChildren } from 'preact'
import { primaryRole } from '../http/actor.ts'
import { staticUrl } from '../http/static-files.ts'
import { CachedFragment } from './cached-fragment.tsx'
import { usePage } from './page-context.ts'
import { ErrorSummary, type FieldError } from './error-summary.tsx'

export interface Crumb {
  href?: string
  label: string
}

interface LayoutProps {
  title: string
  children: ComponentChildren
  breadcrumbs?: Crumb[]
  errors?: FieldError[]
  /** Wider pages (tables) drop the reading-width limit. */
  wide?: boolean
}

/** The frame of every page: skip link, header, navigation, demo banner, breadcrumbs, flash, footer. */
export function Layout({ title, children, breadcrumbs, errors, wide }: LayoutProps) {
  const { t, locale, actor, demo, demoLoading, nav, path, flash, collaborationName, csrfToken } = usePage()
  const hasErrors = !!errors?.length
  const other = locale === 'sv' ? 'en' : 'sv'
  // One current entry: the longest menu path the page is under.
  const currentHref = nav
    .map((item) => item.href)
    .filter((href) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)))
    .reduce<string | undefined>((best, href) => (best && best.length >= href.length ? best : href), undefined)
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? `${t('platform.forms.errorPrefix')} ` : ''}${title} – Tillsammans`}</title>
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href={staticUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={staticUrl('css/app.css')} />
        <link rel="stylesheet" href={staticUrl('css/print.css')} media="print" />
        <script src={staticUrl('js/app.js')} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('platform.layout.skipLink')}
        </a>
        <header class="header">
          {demo && (
            <div class="demo-banner">
              <strong>{t('platform.layout.demoBanner')}</strong>
              {demoLoading && <> {t('platform.layout.demoLoading')}</>}
            </div>
          )}
          <div class="header__inner">
            <a class="header__product" href="/">
              <span class="header__logo" aria-hidden="true">
                ◆
              </span>
              Tillsammans
            </a>
            <span class="header__collaboration">{collaborationName}</span>
            <div class="header__tools">
              <a href={`/language?lang=${other}&return=${encodeURIComponent(path)}`} lang={other} hreflang={other}>
                {t('platform.layout.switchLanguage')}
              </a>
              {actor ? (
                <>
                  <span class="header__user">
                    {actor.name}
                    <span class="visually-hidden">, </span>
                    <span class="header__role">
                      {t(`platform.roles.${primaryRole(actor)}`)} · {actor.organisationName}
                    </span>
                  </span>
                  <form method="post" action="/logout" class="inline-form">
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <button type="submit" class="link-button">
                      {t('platform.layout.logout')}
                    </button>
                  </form>
                </>
              ) : (
                <a href="/login">{t('platform.layout.login')}</a>
              )}
            </div>
          </div>
          <nav class="nav" aria-label={t('platform.layout.navLabel')}>
            {/* The same menu array comes back for the same visible items (NavRegistry): render it once per current item. */}
            <CachedFragment
              owner={nav}
              cacheKey={`nav|${currentHref ?? ''}`}
              as="ul"
              class="nav__list"
              render={() =>
                nav.map((item) => (
                  <li class="nav__item">
                    <a href={item.href} class="nav__link" aria-current={item.href === currentHref ? 'page' : undefined}>
                      {t(item.labelKey)}
                    </a>
                  </li>
                ))
              }
            />
          </nav>
        </header>
        <div class={wide ? 'page page--wide' : 'page'}>
          {breadcrumbs && breadcrumbs.length > 0 && (
            <nav class="breadcrumbs" aria-label={t('platform.layout.breadcrumbs')}>
              <ol>
                {breadcrumbs.map((c) => (
                  <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
                ))}
              </ol>
            </nav>
          )}
          <main id="main" tabindex={-1}>
            {flash && (
              <div class={`flash flash--${flash.kind}`} role="status">
                {flash.message}
              </div>
            )}
            {hasErrors && <ErrorSummary errors={errors!} />}
            {children}
          </main>
        </div>
        <footer class="footer">
          <div class="footer__inner">
            <ul class="footer__links">
              <li>
                <a href="/accessibility">{t('platform.layout.accessibility')}</a>
              </li>
              <li>
                <a href="/about">{t('platform.layout.about')}</a>
              </li>
              <li>
                <a href="/cookies">{t('platform.layout.cookies')}</a>
              </li>
              <li>
                <a href="/open-data">{t('platform.layout.openData')}</a>
              </li>
              <li>
                <a href="/api/v1/openapi.json">{t('platform.layout.api')}</a>
              </li>
            </ul>
            <p>{t('platform.layout.footerText')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
