/**
 * One agreement data file parsed from YAML, keeping the source positions so that every problem
 * can name the line a person has to fix (not only a JSON pointer).
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { SamverkanError } from '../errors.js';

/** A parsed data file: its plain data and a way to find the line of a JSON pointer. */
export interface YamlSource {
  readonly path: string;
  readonly data: unknown;
  /** 1-based line of the node at `pointer` (or of its nearest existing parent). */
  lineOf(pointer: string): number | undefined;
}

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeLine(doc: Document, counter: LineCounter, keys: readonly string[]): number | undefined {
  for (let n = keys.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parse `text` (file `path`); a syntax error or a duplicate key is `SAMV_ERR_AGREEMENT_DATA` naming file and line. */
export function parseYamlSource(path: string, text: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = counter.linePos(err.pos[0]).line;
    const what = err.code === 'DUPLICATE_KEY' ? 'samma nyckel förekommer två gånger' : 'YAML kunde inte läsas';
    const detail = err.message.split('\n')[0] ?? '';
    throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Avtalsdata är ogiltiga: ${path} rad ${String(line)}: ${what} (${detail}).`, {
      file: path,
      line,
    });
  }
  const data: unknown = doc.toJS();
  return { path, data, lineOf: (pointer) => nodeLine(doc, counter, segments(pointer)) };
}
