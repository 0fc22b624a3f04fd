/**
 * Assemble an agreement from the texts of its data files (no I/O here: the server reads the
 * folder and hands the texts in). Each file is YAML-parsed, validated against its schema, and
 * then the cross-references (clause ids, document ids, forum ids, interpretation ids) are checked.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { SamverkanError } from '../errors.js';
import {
  AgreementMetaSchema,
  ClausesFileSchema,
  DecisionsFileSchema,
  DisputePathsFileSchema,
  DocumentsFileSchema,
  ForumsFileSchema,
  InterpretationsFileSchema,
  MunicipalitiesFileSchema,
  ObligationsFileSchema,
  ParametersFileSchema,
  type AgreementDocument,
  type AgreementMeta,
  type Clause,
  type Decision,
  type DisputePath,
  type Forum,
  type Interpretation,
  type Municipality,
  type Obligation,
  type Parameter,
  type Part,
} from './schema.js';
import { dataError, validateFile, type DataProblem } from './validate.js';
import { crossReferenceProblems } from './cross-references.js';

/** A data file as text, named by its path relative to the agreement folder. */
export interface AgreementFileText {
  readonly path: string;
  readonly text: string;
}

/** The whole agreement as validated data. */
export interface Agreement {
  readonly meta: AgreementMeta;
  readonly parts: readonly Part[];
  readonly documents: readonly AgreementDocument[];
  readonly clauses: ReadonlyMap<string, Clause>;
  readonly municipalities: readonly Municipality[];
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly interpretations: ReadonlyMap<string, Interpretation>;
  readonly forums: readonly Forum[];
  readonly decisions: readonly Decision[];
  readonly obligations: readonly Obligation[];
  readonly disputePaths: readonly DisputePath[];
  /** Further files (e.g. responsibility rule tables) by path, parsed but validated by their own module. */
  readonly extra: ReadonlyMap<string, unknown>;
}

/** Files every agreement folder must have (clauses live in `clauses/*.yaml`). */
export const requiredFiles = [
  'agreement.yaml',
  'documents.yaml',
  'municipalities.yaml',
  'parameters.yaml',
  'interpretations.yaml',
  'forums.yaml',
  'decisions.yaml',
  'obligations.yaml',
  'disputes.yaml',
] as const;

function parseText(file: AgreementFileText): unknown {
  try {
    return parseYaml(file.text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    const line = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new SamverkanError(
      'SAMV_ERR_AGREEMENT_DATA',
      `Avtalsdata är ogiltiga: ${file.path}${line ? ` rad ${line}` : ''}: YAML kunde inte läsas (${msg}).`,
      line === undefined ? { file: file.path } : { file: file.path, line },
    );
  }
}

/** Parse and validate an agreement from its files; throws `SAMV_ERR_AGREEMENT_DATA` naming file, path and value. */
export function loadAgreement(files: readonly AgreementFileText[]): Agreement {
  const byPath = new Map<string, unknown>();
  for (const f of files) byPath.set(f.path, parseText(f));
  const missing = requiredFiles.filter((p) => !byPath.has(p));
  if (missing.length > 0) {
    throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Avtalsdata är ofullständiga: filen ${missing.join(', ')} saknas.`, { file: missing[0] ?? '' });
  }
  const problems: DataProblem[] = [];
  function take<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof SamverkanError && e.code === 'SAMV_ERR_AGREEMENT_DATA') {
        problems.push(...(e.details as DataProblem[]));
        return undefined;
      }
      throw e;
    }
  }
  const meta = take(() => validateFile('agreement.yaml', AgreementMetaSchema, byPath.get('agreement.yaml')));
  const docs = take(() => validateFile('documents.yaml', DocumentsFileSchema, byPath.get('documents.yaml')));
  const munis = take(() => validateFile('municipalities.yaml', MunicipalitiesFileSchema, byPath.get('municipalities.yaml')));
  const params = take(() => validateFile('parameters.yaml', ParametersFileSchema, byPath.get('parameters.yaml')));
  const interps = take(() => validateFile('interpretations.yaml', InterpretationsFileSchema, byPath.get('interpretations.yaml')));
  const forums = take(() => validateFile('forums.yaml', ForumsFileSchema, byPath.get('forums.yaml')));
  const decisions = take(() => validateFile('decisions.yaml', DecisionsFileSchema, byPath.get('decisions.yaml')));
  const obligations = take(() => validateFile('obligations.yaml', ObligationsFileSchema, byPath.get('obligations.yaml')));
  const disputes = take(() => validateFile('disputes.yaml', DisputePathsFileSchema, byPath.get('disputes.yaml')));
  const clauseList: Clause[] = [];
  const extra = new Map<string, unknown>();
  for (const [path, data] of byPath) {
    if (path.startsWith('clauses/')) {
      const c = take(() => validateFile(path, ClausesFileSchema, data));
      if (c) clauseList.push(...c.clauses);
    } else if (!(requiredFiles as readonly string[]).includes(path)) {
      extra.set(path, data);
    }
  }
  if (problems.length > 0 || !meta || !docs || !munis || !params || !interps || !forums || !decisions || !obligations || !disputes) {
    throw dataError(problems);
  }
  const agreement: Agreement = {
    meta,
    parts: docs.parts,
    documents: docs.documents,
    clauses: new Map(clauseList.map((c) => [c.id, c])),
    municipalities: munis.municipalities,
    parameters: new Map(params.parameters.map((p) => [p.id, p])),
    interpretations: new Map(interps.interpretations.map((i) => [i.id, i])),
    forums: forums.forums,
    decisions: decisions.decisions,
    obligations: obligations.obligations,
    disputePaths: disputes.paths,
    extra,
  };
  const refProblems = crossReferenceProblems(agreement, clauseList, params.parameters, interps.interpretations);
  if (refProblems.length > 0) throw dataError(refProblems);
  return agreement;
}
