/**
 * Checks that hold across files: ids are unique, and every clause, document, forum and
 * interpretation referred to exists. A dangling reference would make a result cite nothing.
 */
import type { Agreement, ClauseSource } from './load.js';
import { obligationProblems } from './obligation-checks.js';
import type { Interpretation, Parameter } from './schema.js';
import type { DataProblem } from './validate.js';

interface Keyed {
  readonly key: string;
  readonly file: string;
  readonly path: string;
}

function duplicates(items: readonly Keyed[], what: string): DataProblem[] {
  const first = new Map<string, Keyed>();
  const out: DataProblem[] = [];
  for (const it of items) {
    const earlier = first.get(it.key);
    if (earlier) {
      const where = earlier.file === it.file ? earlier.path : `${earlier.file} ${earlier.path}`;
      out.push({
        file: it.file,
        path: it.path,
        value: it.key,
        message: `${it.file}: ${what} "${it.key}" vid ${it.path} förekommer redan vid ${where}.`,
      });
    } else {
      first.set(it.key, it);
    }
  }
  return out;
}

function keyed<T>(file: string, list: string, items: readonly T[], key: (t: T) => string, field = 'id'): Keyed[] {
  return items.map((t, i) => ({ key: key(t), file, path: `/${list}/${String(i)}/${field}` }));
}

/** Every cross-file problem of an assembled agreement. */
export function crossReferenceProblems(
  a: Agreement,
  clauses: readonly ClauseSource[],
  parameters: readonly Parameter[],
  interpretations: readonly Interpretation[],
): DataProblem[] {
  const problems: DataProblem[] = [];
  const docIds = new Set(a.documents.map((d) => d.id));
  const forumIds = new Set(a.forums.map((f) => f.id));
  const clauseIds = new Set(clauses.map((c) => c.clause.id));
  const interpretationIds = new Set(interpretations.map((i) => i.id));
  const partNumbers = new Set(a.parts.map((p) => p.part));

  problems.push(
    ...duplicates(
      clauses.map((c) => ({ key: c.clause.id, file: c.file, path: `/clauses/${String(c.index)}/id` })),
      'klausul-id',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('documents.yaml', 'documents', a.documents, (d) => d.id),
      'dokument-id',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('documents.yaml', 'parts', a.parts, (p) => String(p.part), 'part'),
      'del',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('parameters.yaml', 'parameters', parameters, (p) => p.id),
      'parameter-id',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('municipalities.yaml', 'municipalities', a.municipalities, (m) => m.code, 'code'),
      'kommunkod',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('municipalities.yaml', 'municipalities', a.municipalities, (m) => m.name, 'name'),
      'kommunnamn',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('interpretations.yaml', 'interpretations', interpretations, (i) => i.id),
      'tolknings-id',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('forums.yaml', 'forums', a.forums, (f) => f.id),
      'forum-id',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('decisions.yaml', 'decisions', a.decisions, (d) => d.id),
      'besluts-id',
    ),
  );
  problems.push(
    ...duplicates(
      keyed('obligations.yaml', 'obligations', a.obligations, (o) => o.id),
      'åtagande-id',
    ),
  );

  const needClause = (file: string, path: string, id: string): void => {
    if (!clauseIds.has(id))
      problems.push({
        file,
        path,
        value: id,
        message: `${file}: klausulen "${id}" vid ${path} finns inte i clauses/ (lägg till den i clauses/${id.split('.')[0] ?? ''}.yaml).`,
      });
  };
  const needDoc = (file: string, path: string, id: string): void => {
    if (!docIds.has(id))
      problems.push({ file, path, value: id, message: `${file}: dokumentet "${id}" vid ${path} finns inte i documents.yaml.` });
  };
  const needInterpretation = (file: string, path: string, id: string): void => {
    if (!interpretationIds.has(id))
      problems.push({ file, path, value: id, message: `${file}: tolkningen "${id}" vid ${path} finns inte i interpretations.yaml.` });
  };

  clauses.forEach(({ clause: c, file, index }) => {
    const at = `/clauses/${String(index)}`;
    const fileDoc = /^clauses\/([A-Z]+)\.yaml$/.exec(file)?.[1];
    if (fileDoc !== c.document)
      problems.push({
        file,
        path: `${at}/document`,
        value: c.document,
        message: `${file}: klausulen "${c.id}" vid ${at}/document hör till dokumentet "${c.document}" men ligger i ${file} (filen ska heta clauses/${c.document}.yaml).`,
      });
    needDoc(file, `${at}/document`, c.document);
    if (!c.id.startsWith(c.document + '.')) {
      problems.push({
        file,
        path: `${at}/id`,
        value: c.id,
        message: `${file}: klausul-id "${c.id}" vid ${at}/id ska börja med dokument-id "${c.document}.".`,
      });
    }
  });
  a.documents.forEach((d, i) => {
    const at = `/documents/${String(i)}`;
    needClause('documents.yaml', `${at}/renewal/clause`, d.renewal.clause);
    if (!partNumbers.has(d.part))
      problems.push({
        file: 'documents.yaml',
        path: `${at}/part`,
        value: d.part,
        message: `documents.yaml: del ${String(d.part)} vid ${at}/part finns inte under parts.`,
      });
    if (d.renewal.kind === 'auto' && !forumIds.has(d.renewal.noticeForum)) {
      problems.push({
        file: 'documents.yaml',
        path: `${at}/renewal/noticeForum`,
        value: d.renewal.noticeForum,
        message: `documents.yaml: forumet "${d.renewal.noticeForum}" vid ${at}/renewal/noticeForum finns inte i forums.yaml.`,
      });
    }
    if (d.validTo < d.validFrom)
      problems.push({
        file: 'documents.yaml',
        path: `${at}/validTo`,
        value: d.validTo,
        message: `documents.yaml: validTo ${d.validTo} vid ${at}/validTo ligger före validFrom ${d.validFrom}.`,
      });
  });
  parameters.forEach((p, i) => {
    const at = `/parameters/${String(i)}`;
    needClause('parameters.yaml', `${at}/clause`, p.clause);
    if (p.indexation) needClause('parameters.yaml', `${at}/indexation/clause`, p.indexation.clause);
    (p.interpretations ?? []).forEach((id, j) => {
      needInterpretation('parameters.yaml', `${at}/interpretations/${String(j)}`, id);
    });
  });
  interpretations.forEach((it, i) => {
    const at = `/interpretations/${String(i)}`;
    it.clauses.forEach((c, j) => {
      needClause('interpretations.yaml', `${at}/clauses/${String(j)}`, c);
    });
    if (!it.options.some((o) => o.id === it.default)) {
      problems.push({
        file: 'interpretations.yaml',
        path: `${at}/default`,
        value: it.default,
        message: `interpretations.yaml: standardvalet "${it.default}" vid ${at}/default är inget av alternativen för ${it.id}.`,
      });
    }
  });
  a.obligations.forEach((o, i) => {
    const at = `/obligations/${String(i)}`;
    o.clauses.forEach((c, j) => {
      needClause('obligations.yaml', `${at}/clauses/${String(j)}`, c);
    });
    o.documents.forEach((d, j) => {
      needDoc('obligations.yaml', `${at}/documents/${String(j)}`, d);
    });
    (o.interpretations ?? []).forEach((id, j) => {
      needInterpretation('obligations.yaml', `${at}/interpretations/${String(j)}`, id);
    });
  });
  a.decisions.forEach((d, i) => {
    d.documents.forEach((doc, j) => {
      needDoc('decisions.yaml', `/decisions/${String(i)}/documents/${String(j)}`, doc);
    });
  });
  a.disputePaths.forEach((p, i) => {
    needClause('disputes.yaml', `/paths/${String(i)}/clause`, p.clause);
    p.documents.forEach((doc, j) => {
      needDoc('disputes.yaml', `/paths/${String(i)}/documents/${String(j)}`, doc);
    });
  });
  problems.push(...obligationProblems(a));
  return problems;
}
