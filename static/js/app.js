/*
 * Tillsammans – progressive enhancement (plain ES2017, loaded with `defer`).
 * Every page works without this file; it only makes a few things smoother:
 *  (a) focus [data-autofocus] (the error summary) on load;
 *  (b) error-summary links focus their field and scroll its label/legend into view;
 *  (c) <form data-confirm="…"> asks before submitting (also on a submit button);
 *  (d) <button data-copy="id" data-copied="Kopierat"> copies #id's text;
 *      render such buttons with `hidden` – they are shown here when copying works;
 *  (e) a table wrapper that scrolls sideways becomes keyboard-focusable.
 * No inline scripts or styles are used or created (strict CSP).
 */
;(function () {
  // (a) Focus the error summary so screen readers announce it and keyboard users start there.
  function autofocus() {
    var el = document.querySelector('[data-autofocus]')
    if (!el) return
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
    el.focus()
  }

  // (b) Like GOV.UK: move focus to the field and show the question (label or legend) above it.
  function legendOrLabelFor(input) {
    var fieldset = input.closest('fieldset')
    if (fieldset) {
      var legend = fieldset.querySelector('legend')
      if (legend) {
        if (input.type === 'checkbox' || input.type === 'radio') return legend
        // Other fields in a fieldset: use the legend only if both fit on the screen together.
        var legendTop = legend.getBoundingClientRect().top
        var rect = input.getBoundingClientRect()
        if (rect.height && window.innerHeight && rect.top + rect.height - legendTop < window.innerHeight / 2) {
          return legend
        }
      }
    }
    var id = input.getAttribute('id')
    var escaped = window.CSS && CSS.escape ? CSS.escape(id) : id
    return document.querySelector('label[for="' + escaped + '"]') || input.closest('label')
  }

  function onErrorSummaryClick(event) {
    var link = event.target.closest ? event.target.closest('.error-summary a[href*="#"]') : null
    if (!link) return
    var id = decodeURIComponent(link.hash.slice(1))
    var input = id && document.getElementById(id)
    if (!input) return
    var question = legendOrLabelFor(input)
    if (!question) return
    event.preventDefault()
    question.scrollIntoView()
    input.focus({ preventScroll: true })
  }

  // (c) Confirm before a destructive submit. Cancelling keeps the user on the page.
  function onSubmit(event) {
    var form = event.target
    if (!(form instanceof HTMLFormElement)) return
    var submitter = event.submitter
    var message = submitter?.getAttribute('data-confirm') || form.getAttribute('data-confirm')
    if (message && !window.confirm(message)) event.preventDefault()
  }

  // (d) Copy a one-time secret to the clipboard.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text)
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea')
      area.value = text
      area.setAttribute('readonly', '')
      area.className = 'visually-hidden'
      document.body.appendChild(area)
      area.select()
      var ok = false
      try {
        ok = document.execCommand('copy')
      } catch (_e) {
        ok = false
      }
      document.body.removeChild(area)
      if (ok) resolve()
      else reject(new Error('copy failed'))
    })
  }

  function onCopyClick(event) {
    var button = event.target.closest ? event.target.closest('[data-copy]') : null
    if (!button) return
    event.preventDefault() // never submit a surrounding form
    var source = document.getElementById(button.getAttribute('data-copy'))
    if (!source) return
    var text = 'value' in source && typeof source.value === 'string' ? source.value : source.textContent
    copyText(text.trim()).then(
      function () {
        var copied = button.getAttribute('data-copied')
        if (copied) button.textContent = copied
      },
      function () {
        /* copying failed: leave the button as it was; the text can still be selected */
      },
    )
  }

  function revealCopyButtons() {
    var buttons = document.querySelectorAll('[data-copy][hidden]')
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false
  }

  // (e) Scrollable tables must be reachable by keyboard (WCAG 2.1.1); name the region by its caption.
  function focusableScrollers() {
    var wraps = document.querySelectorAll('.table-wrap')
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i]
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute('tabindex')) continue
      var caption = wrap.querySelector('caption')
      wrap.setAttribute('tabindex', '0')
      wrap.setAttribute('role', 'region')
      if (caption) wrap.setAttribute('aria-label', caption.textContent.trim())
    }
  }

  function init() {
    document.addEventListener('click', onErrorSummaryClick)
    document.addEventListener('click', onCopyClick)
    document.addEventListener('submit', onSubmit)
    revealCopyButtons()
    focusableScrollers()
    autofocus()
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init)
  else init()
})()
