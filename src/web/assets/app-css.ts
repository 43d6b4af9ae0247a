/** The whole stylesheet: small, hand-written, no build step. Colours meet WCAG AA contrast on white. */
export const APP_CSS =
  `
:root {
  --ink: #1b1f24; --muted: #555d66; --line: #d5d9de; --bg: #f5f6f8; --card: #fff;
  --brand: #0b3a6e; --brand-ink: #fff; --accent: #a4161a; --ok: #1d6b36; --warn: #8a5300;
  --focus: #f2b705; --radius: 6px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--brand); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { background: var(--brand); color: var(--brand-ink); }
.top a, .top .btn-link { color: var(--brand-ink); }
.top-inner { max-width: 80rem; margin: 0 auto; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
.brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
.main-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
.main-nav a { text-decoration: none; padding: .25rem 0; border-bottom: 3px solid transparent; }
.main-nav a[aria-current="page"] { border-bottom-color: var(--focus); font-weight: 600; }
.top-tools { margin-left: auto; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; font-size: .9rem; }
.who { display: flex; flex-direction: column; line-height: 1.2; }
.who-role { opacity: .9; font-size: .8rem; }
.inbox-link { text-decoration: none; }
.inbox-link::before { content: "✉"; margin-right: .25rem; }
@media (max-width: 40rem) {
  .top-inner { padding: .35rem .75rem; gap: .25rem .75rem; }
  .brand { font-size: 1rem; }
  .main-nav { order: 3; width: 100%; overflow-x: auto; }
  .main-nav ul { flex-wrap: nowrap; white-space: nowrap; }
  .top-tools { gap: .25rem .75rem; }
  .who-role { display: none; }
  h1 { font-size: 1.3rem; }
}
.inbox-count:not(:empty) { background: var(--accent); color: #fff; border-radius: 999px; padding: 0 .45rem; font-weight: 700; }
main { flex: 1; width: 100%; max-width: 80rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
.bottom { text-align: center; color: var(--muted); font-size: .85rem; padding: 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin-bottom: 1rem; }
.card > h2:first-child, .card > h3:first-child { margin-top: 0; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); }
.grid-home { display: grid; gap: 1rem; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); }
@media (max-width: 60rem) { .grid-home { grid-template-columns: minmax(0, 1fr); } }
.muted { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.is-overdue td:first-child { border-left: 4px solid var(--accent); }
.btn { display: inline-block; font: inherit; font-weight: 600; border-radius: var(--radius); border: 2px solid var(--brand); padding: .4rem .9rem; cursor: pointer; text-decoration: none; }
.btn-primary { background: var(--brand); color: #fff; }
.btn-secondary { background: var(--card); color: var(--brand); }
.btn-danger { background: var(--accent); border-color: var(--accent); color: #fff; }
.btn-link { background: none; border: none; padding: 0; text-decoration: underline; font-weight: 400; cursor: pointer; font: inherit; }
.inline-form { display: inline; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-start; }
.actions-danger { margin-left: auto; padding-left: 2rem; border-left: 1px dashed var(--line); }
.confirm-buttons { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; margin-top: 1rem; }
.plain { list-style: none; padding: 0; margin: 0; }
.ticks-left { font-weight: 600; }
th a.sort { color: inherit; }
.action-form { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem; background: #fbfcfd; min-width: min(100%, 18rem); }
.field { margin-bottom: .75rem; display: flex; flex-direction: column; gap: .2rem; }
.field label { font-weight: 600; }
input, select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #8a939c; border-radius: 4px; background: #fff; color: var(--ink); max-width: 100%; }
textarea { width: 100%; }
.has-error input, .has-error select, .has-error textarea, [aria-invalid="true"] { border: 2px solid var(--accent); }
.field-error { color: var(--accent); font-weight: 600; margin: 0; }
.hint { color: var(--muted); font-size: .875rem; margin: 0; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
.filters .field { min-width: 10rem; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 1rem; padding: .75rem; }
legend { font-weight: 700; padding: 0 .25rem; }
.check { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.alert { border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1rem; border-left: 6px solid; background: var(--card); }
.alert p { margin: .2rem 0; }
.alert-error { border-color: var(--accent); background: #fdecec; }
.alert-ok { border-color: var(--ok); background: #e8f4ec; }
.alert-info { border-color: var(--brand); background: #e9f0f8; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .8rem; font-weight: 700; }
.badge-danger { background: var(--accent); color: #fff; }
.badge-ok { background: var(--ok); color: #fff; }
.badge-muted { background: #e4e7eb; color: var(--ink); }
.state { display: inline-block; border-radius: 4px; padding: 0 .45rem; font-size: .85rem; font-weight: 600; background: #e4e7eb; color: var(--ink); border: 1px solid #c5cbd2; }
.state-awarded, .state-selected, .state-certified, .state-inForce { background: #e3f1e7; border-color: #9ccaa9; color: #14522a; }
.state-rejected, .state-notSelected, .state-withdrawn, .state-cancelled, .state-noQuorum { background: #fbe9e9; border-color: #e3a6a6; color: #7c1013; }
.state-returned, .state-supplementRequested { background: #fff4e0; border-color: #e5c07b; color: #6b4000; }
.state-open, .state-voting, .state-centralAppraisal, .state-councilReview, .state-pmProposal { background: #e6eef8; border-color: #9fb9dc; color: #0b3a6e; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 3px solid var(--line); }
.timeline li { position: relative; padding: 0 0 1rem .75rem; }
.timeline li::before { content: ""; position: absolute; left: -1.55rem; top: .35rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--brand); border: 2px solid var(--card); }
.timeline .when { color: var(--muted); font-size: .875rem; }
.diagram { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem; }
.diagram > li { border: 1px solid var(--line); border-radius: var(--radius); padding: .4rem .6rem; background: var(--card); }
.diagram > li[aria-current="step"] { border: 3px solid var(--brand); background: #e9f0f8; }
.diagram .edges { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .875rem; color: var(--muted); }
.receipt { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1.4rem; letter-spacing: .1em; background: #fff; border: 2px dashed var(--brand); padding: .5rem 1rem; display: inline-block; }
.codes { columns: 12rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meter { height: .75rem; background: #e4e7eb; border-radius: 999px; overflow: hidden; max-width: 24rem; }
.meter > span { display: block; height: 100%; background: var(--brand); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.login { max-width: 24rem; margin: 2rem auto; }
pre { overflow-x: auto; background: var(--bg); border: 1px solid var(--line); padding: .5rem; font-size: .85rem; }
/* Printing a dossier: its facts, documents and history on paper, without navigation or forms. */
@media print {
  .top, .bottom, .skip-link, nav, form, button, .no-print, .actions, .inbox-link { display: none !important; }
  body { background: #fff; color: #000; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { border: none; box-shadow: none; padding: 0; margin: 0 0 1rem; break-inside: avoid-page; }
  .grid, .grid-home { display: block; }
  a { color: #000; text-decoration: none; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #999; }
  .badge { border: 1px solid #000; color: #000; background: none; }
}
@media (max-width: 40rem) {
  dl.facts { grid-template-columns: 1fr; }
  .top-tools { margin-left: 0; }
  h1 { font-size: 1.35rem; }
}
` +
  // The turnout meter in 5 % steps: the policy forbids inline styles.
  Array.from({ length: 21 }, (_, i) => `.meter .w-${i * 5} { width: ${i * 5}%; }`).join('\n') +
  '\n' +
  // Stage times on the dashboard: bars in tenths of the longest 90th percentile.
  `.bar { display: inline-block; min-width: 2em; padding: 0 .3em; margin: .1em 0; color: #fff; border-radius: 3px; }
.bar-median { background: #2f6f4f; }
.bar-p90 { background: #9a5b13; }
` +
  Array.from({ length: 11 }, (_, i) => `.bar.w${i} { width: ${Math.max(i * 10, 4)}%; }`).join('\n');
