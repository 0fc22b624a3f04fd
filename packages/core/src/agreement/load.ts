/**
 * Assemble an agreement from the texts of its data files (no I/O here: the server reads the
 * folder and hands the texts in). Each file is YAML-parsed, validated against its schema, and
 * then the cross-references (clause ids, document ids, forum ids, interpretation ids) are checked.
 * Every problem names the file, the line, the path inside the file and the value.
 */
import type { Static, TSchema } from 'typebox';
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
import { atLine, dataError, schemaProblems, type DataProblem } from './validate.js';
import { crossReferenceProblems } from './cross-references.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

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

/** A clause with the file and list index it was read from (for messages that point at it). */
export interface ClauseSource {
  readonly clause: Clause;
  readonly file: string;
  readonly index: number;
}

/** Parse and validate an agreement from its files; throws `SAMV_ERR_AGREEMENT_DATA` naming file, line, path and value. */
export function loadAgreement(files: readonly AgreementFileText[]): Agreement {
  const sources = new Map<string, YamlSource>();
  for (const f of files) sources.set(f.path, parseYamlSource(f.path, f.text));
  const missing = requiredFiles.filter((p) => !sources.has(p));
  if (missing.length > 0) {
    throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Avtalsdata är ofullständiga: filen ${missing.join(', ')} saknas i avtalsmappen.`, {
      file: missing[0] ?? '',
    });
  }
  const problems: DataProblem[] = [];
  const check = <S extends TSchema>(path: string, schema: S): Static<S> | undefined => {
    const data = sources.get(path)?.data;
    const found = schemaProblems(path, schema, data);
    problems.push(...found);
    return found.length === 0 ? (data as Static<S>) : undefined;
  };
  const located = (list: readonly DataProblem[]): DataProblem[] => list.map((p) => atLine(p, sources.get(p.file)?.lineOf(p.path)));

  const meta = check('agreement.yaml', AgreementMetaSchema);
  const docs = check('documents.yaml', DocumentsFileSchema);
  const munis = check('municipalities.yaml', MunicipalitiesFileSchema);
  const params = check('parameters.yaml', ParametersFileSchema);
  const interps = check('interpretations.yaml', InterpretationsFileSchema);
  const forums = check('forums.yaml', ForumsFileSchema);
  const decisions = check('decisions.yaml', DecisionsFileSchema);
  const obligations = check('obligations.yaml', ObligationsFileSchema);
  const disputes = check('disputes.yaml', DisputePathsFileSchema);
  const clauseSources: ClauseSource[] = [];
  const extra = new Map<string, unknown>();
  for (const [path, source] of sources) {
    if (path.startsWith('clauses/')) {
      check(path, ClausesFileSchema)?.clauses.forEach((clause, index) => clauseSources.push({ clause, file: path, index }));
    } else if (!(requiredFiles as readonly string[]).includes(path)) {
      extra.set(path, source.data);
    }
  }
  if (problems.length > 0 || !meta || !docs || !munis || !params || !interps || !forums || !decisions || !obligations || !disputes) {
    throw dataError(located(problems));
  }
  const agreement: Agreement = {
    meta,
    parts: docs.parts,
    documents: docs.documents,
    clauses: new Map(clauseSources.map((c) => [c.clause.id, c.clause])),
    municipalities: munis.municipalities,
    parameters: new Map(params.parameters.map((p) => [p.id, p])),
    interpretations: new Map(interps.interpretations.map((i) => [i.id, i])),
    forums: forums.forums,
    decisions: decisions.decisions,
    obligations: obligations.obligations,
    disputePaths: disputes.paths,
    extra,
  };
  const refProblems = crossReferenceProblems(agreement, clauseSources, params.parameters, interps.interpretations);
  if (refProblems.length > 0) throw dataError(located(refProblems));
  return agreement;
}
