/** The small bokmål start page served at `/` until the real web UI arrives. */
import type { UnitSummary } from '../db/repositories.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const KIND_LABEL: Record<UnitSummary['kind'], string> = {
  sykehjem: 'Sykehjem',
  hjemmetjeneste: 'Hjemmetjeneste',
  bofellesskap: 'Bofellesskap',
  'psykisk-helse': 'Psykisk helse',
};

export function startPage(units: UnitSummary[], version: string): string {
  const rows = units
    .map((u) => {
      const id = encodeURIComponent(u.id);
      return `<tr><td>${esc(u.name)}</td><td>${esc(KIND_LABEL[u.kind] ?? u.kind)}</td><td>${esc(u.serviceArea ?? '')}</td>
<td class="n">${u.employeeCount}</td><td class="n">${u.planCount}</td>
<td><a href="/api/units/${id}">enhet</a> · <a href="/api/units/${id}/employees">ansatte</a> · <a href="/api/units/${id}/plans">turnuser</a></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bemanna</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2a33; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d5dde2; }
td.n { text-align: right; }
code { background: #eef2f4; padding: 0 .25rem; }
</style>
</head>
<body>
<h1>Bemanna</h1>
<p>Turnus- og bemanningsplanlegging for helse- og omsorgstjenester. Brukergrensesnittet kommer; foreløpig finnes API-et.</p>
<h2>Enheter</h2>
${units.length ? `<table>\n<thead><tr><th>Navn</th><th>Type</th><th>Tjenesteområde</th><th>Ansatte</th><th>Turnuser</th><th>API</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>` : '<p>Ingen enheter ennå.</p>'}
<h2>API</h2>
<ul>
<li><a href="/api/health"><code>GET /api/health</code></a> – status for tjenesten og databasen</li>
<li><a href="/api/units"><code>GET /api/units</code></a> – alle enheter</li>
<li><code>GET /api/plans/:id</code> – en turnus som planfil (JSON)</li>
<li><code>POST /api/check</code> – sjekk en planfil mot lov- og avtaleverk</li>
<li><code>POST /api/plans/:id/check</code> – sjekk en lagret turnus</li>
<li><code>POST /api/units/:id/plans</code> – lagre en planfil</li>
</ul>
<p><small>Versjon ${esc(version)}</small></p>
</body>
</html>
`;
}
