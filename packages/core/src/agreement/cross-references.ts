/**
 * Checks that hold across files: ids are unique, and every clause, document, forum and
 * interpretation referred to exists. A dangling reference would make a result cite nothing.
 */
import type { Agreement } from './load.js';
import type { Clause, Interpretation, Parameter } from './schema.js';
import type { DataProblem } from './validate.js';

function duplicates(file: string, listPath: string, ids: readonly string[], what: string): DataProblem[] {
  const seen = new Set<string>();
  const out: DataProblem[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push({ file, path: `/${listPath}/${i}/id`, value: id, message: `${file}: ${what} "${id}" förekommer mer än en gång (/${listPath}/${i}/id).` });
    seen.add(id);
  });
  return out;
}

/** Every cross-file problem of an assembled agreement. */
export function crossReferenceProblems(
  a: Agreement,
  clauses: readonly Clause[],
  parameters: readonly Parameter[],
  interpretations: readonly Interpretation[],
): DataProblem[] {
  const problems: DataProblem[] = [];
  const docIds = new Set(a.documents.map((d) => d.id));
  const forumIds = new Set(a.forums.map((f) => f.id));
  const clauseIds = new Set(clauses.map((c) => c.id));
  const interpretationIds = new Set(interpretations.map((i) => i.id));

  problems.push(...duplicates('clauses/', 'clauses', clauses.map((c) => c.id), 'klausul-id'));
  problems.push(...duplicates('documents.yaml', 'documents', a.documents.map((d) => d.id), 'dokument-id'));
  problems.push(...duplicates('parameters.yaml', 'parameters', parameters.map((p) => p.id), 'parameter-id'));
  problems.push(...duplicates('municipalities.yaml', 'municipalities', a.municipalities.map((m) => m.code), 'kommunkod'));
  problems.push(...duplicates('obligations.yaml', 'obligations', a.obligations.map((o) => o.id), 'åtagande-id'));

  const needClause = (file: string, path: string, id: string): void => {
    if (!clauseIds.has(id)) problems.push({ file, path, value: id, message: `${file}: klausulen "${id}" vid ${path} finns inte i clauses/.` });
  };
  const needDoc = (file: string, path: string, id: string): void => {
    if (!docIds.has(id)) problems.push({ file, path, value: id, message: `${file}: dokumentet "${id}" vid ${path} finns inte i documents.yaml.` });
  };
  const needInterpretation = (file: string, path: string, id: string): void => {
    if (!interpretationIds.has(id)) problems.push({ file, path, value: id, message: `${file}: tolkningen "${id}" vid ${path} finns inte i interpretations.yaml.` });
  };

  clauses.forEach((c) => {
    needDoc('clauses/', `/clauses/${c.id}/document`, c.document);
    if (!c.id.startsWith(c.document + '.')) {
      problems.push({ file: `clauses/${c.document}.yaml`, path: `/clauses/${c.id}`, value: c.id, message: `clauses/${c.document}.yaml: klausul-id "${c.id}" ska börja med dokument-id "${c.document}.".` });
    }
  });
  a.documents.forEach((d, i) => {
    needClause('documents.yaml', `/documents/${i}/renewal/clause`, d.renewal.clause);
    if (d.renewal.kind === 'auto' && !forumIds.has(d.renewal.noticeForum)) {
      problems.push({ file: 'documents.yaml', path: `/documents/${i}/renewal/noticeForum`, value: d.renewal.noticeForum, message: `documents.yaml: forumet "${d.renewal.noticeForum}" finns inte i forums.yaml.` });
    }
    if (d.validTo < d.validFrom) problems.push({ file: 'documents.yaml', path: `/documents/${i}/validTo`, value: d.validTo, message: `documents.yaml: validTo ${d.validTo} ligger före validFrom ${d.validFrom}.` });
  });
  parameters.forEach((p, i) => {
    needClause('parameters.yaml', `/parameters/${i}/clause`, p.clause);
    if (p.indexation) needClause('parameters.yaml', `/parameters/${i}/indexation/clause`, p.indexation.clause);
    (p.interpretations ?? []).forEach((id, j) => needInterpretation('parameters.yaml', `/parameters/${i}/interpretations/${j}`, id));
  });
  interpretations.forEach((it, i) => {
    it.clauses.forEach((c, j) => needClause('interpretations.yaml', `/interpretations/${i}/clauses/${j}`, c));
    if (!it.options.some((o) => o.id === it.default)) {
      problems.push({ file: 'interpretations.yaml', path: `/interpretations/${i}/default`, value: it.default, message: `interpretations.yaml: standardvalet "${it.default}" för ${it.id} är inget av alternativen.` });
    }
  });
  a.obligations.forEach((o, i) => {
    o.clauses.forEach((c, j) => needClause('obligations.yaml', `/obligations/${i}/clauses/${j}`, c));
    o.documents.forEach((d, j) => needDoc('obligations.yaml', `/obligations/${i}/documents/${j}`, d));
    (o.interpretations ?? []).forEach((id, j) => needInterpretation('obligations.yaml', `/obligations/${i}/interpretations/${j}`, id));
  });
  a.decisions.forEach((d, i) => d.documents.forEach((doc, j) => needDoc('decisions.yaml', `/decisions/${i}/documents/${j}`, doc)));
  a.disputePaths.forEach((p, i) => {
    needClause('disputes.yaml', `/paths/${i}/clause`, p.clause);
    p.documents.forEach((doc, j) => needDoc('disputes.yaml', `/paths/${i}/documents/${j}`, doc));
  });
  return problems;
}
