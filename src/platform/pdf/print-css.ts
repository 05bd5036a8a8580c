/** Print styles for the documents Chromium turns into PDF: inline, because the document is set as content and loads nothing. */
export const PRINT_CSS = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; }
h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 15pt; margin: 18pt 0 6pt; } h3 { font-size: 12.5pt; margin: 12pt 0 4pt; }
h4 { font-size: 11.5pt; margin: 10pt 0 4pt; } h5 { font-size: 11pt; margin: 8pt 0 2pt; }
.lead { font-size: 13pt; font-weight: bold; margin: 0 0 10pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0 0 10pt; } dt { font-weight: bold; } dd { margin: 0; }
ul { padding-left: 16pt; margin: 0 0 8pt; } p { margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; } th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 6pt 3pt 0; text-align: left; vertical-align: top; }
.table__header--numeric, .table__cell--numeric { text-align: right; }
caption { text-align: left; font-weight: bold; margin-bottom: 4pt; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
figure { margin: 6pt 0; break-inside: avoid; } .chart-svg { width: 100%; max-width: 16cm; height: auto; }
.chart-legend { list-style: none; padding: 0; display: flex; gap: 12pt; } .chart-title { font-weight: bold; }
figcaption { font-size: 9.5pt; } .body-s { font-size: 9.5pt; }
section { break-inside: avoid-page; } h2, h3, h4, h5 { break-after: avoid; }
.summary-list__row { display: contents; }
`
