/**
 * Checks of obligations.yaml and disputes.yaml beyond their schemas: owners and forums exist, due
 * dates fit the frequency, multi-year items have an anchor year, and per-period items (notice
 * deadlines) only name documents that renew.
 */
import type { Agreement } from './load.js';
import { isPartyId } from './parties.js';
import type { DataProblem } from './validate.js';

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for MM-DD that exists in every year (02-29 is refused: it would vanish three years in four). */
function isMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0);
}

function dueProblem(frequency: string, due: string): string | undefined {
  switch (frequency) {
    case 'monthly':
      return due === 'last' || (/^\d{2}$/.test(due) && Number(due) >= 1 && Number(due) <= 28)
        ? undefined
        : 'ska för månadsvisa åtaganden vara en dag 01–28 eller "last"';
    case 'quarterly':
      return isMonthDay(due) && Number(due.slice(0, 2)) <= 3 ? undefined : 'ska för kvartalsvisa åtaganden vara MM-DD i första kvartalet';
    case 'half-yearly':
      return isMonthDay(due) && Number(due.slice(0, 2)) <= 6 ? undefined : 'ska för halvårsvisa åtaganden vara MM-DD i första halvåret';
    case 'per-period':
      return 'ska utelämnas: sista dag för uppsägning beräknas per avtalsperiod';
    default:
      return isMonthDay(due) ? undefined : 'ska vara ett datum MM-DD som finns varje år';
  }
}

/** Problems in obligations and dispute paths that only show across files. */
export function obligationProblems(a: Agreement): DataProblem[] {
  const problems: DataProblem[] = [];
  const forumIds = new Set(a.forums.map((f) => f.id));
  const renewing = new Set(a.documents.filter((d) => d.renewal.kind === 'auto').map((d) => d.id));
  const file = 'obligations.yaml';
  a.obligations.forEach((o, i) => {
    const at = `/obligations/${String(i)}`;
    if (o.owner !== undefined && !forumIds.has(o.owner) && !isPartyId(o.owner)) {
      problems.push({
        file,
        path: `${at}/owner`,
        value: o.owner,
        message: `${file}: ägaren "${o.owner}" vid ${at}/owner är varken ett forum i forums.yaml eller region, kommun, region-och-kommun.`,
      });
    }
    if (o.due !== undefined) {
      const reason = dueProblem(o.frequency, o.due);
      if (reason)
        problems.push({ file, path: `${at}/due`, value: o.due, message: `${file}: ogiltigt värde "${o.due}" vid ${at}/due: ${reason}.` });
    }
    if (o.frequency.startsWith('every-') && o.anchorYear === undefined) {
      problems.push({
        file,
        path: `${at}/anchorYear`,
        value: undefined,
        message: `${file}: nyckeln "anchorYear" saknas vid ${at}: åtaganden med frekvensen ${o.frequency} behöver ett år då de infaller.`,
      });
    }
    if (o.frequency === 'per-period') {
      o.documents.forEach((d, j) => {
        if (!renewing.has(d))
          problems.push({
            file,
            path: `${at}/documents/${String(j)}`,
            value: d,
            message: `${file}: dokumentet "${d}" vid ${at}/documents/${String(j)} förlängs inte automatiskt och har ingen sista dag för uppsägning.`,
          });
      });
    }
  });
  a.disputePaths.forEach((p, i) => {
    p.steps.forEach((s, j) => {
      const at = `/paths/${String(i)}/steps/${String(j)}/forum`;
      if (s.forum !== 'ledningsfunktioner' && !forumIds.has(s.forum)) {
        problems.push({
          file: 'disputes.yaml',
          path: at,
          value: s.forum,
          message: `disputes.yaml: forumet "${s.forum}" vid ${at} finns inte i forums.yaml (eller skriv ledningsfunktioner).`,
        });
      }
    });
  });
  return problems;
}
