/**
 * A parsed UBL document as a small element tree (saxes, namespaces resolved), so the rules can
 * be written as plain TypeScript over elements instead of XPath. Elements keep document order,
 * which the structural (XSD sequence) check needs.
 */
import { SaxesParser } from 'saxes';
import { SamverkanError } from '@samverkan/core';

export const NS = {
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
} as const;

const prefixOf: Readonly<Record<string, string>> = {
  [NS.cbc]: 'cbc',
  [NS.cac]: 'cac',
  [NS.invoice]: '',
  [NS.creditNote]: '',
  [NS.ext]: 'ext',
};

/** One element: `name` is `cbc:ID`, `cac:Party` or a root's local name (`Invoice`). */
export interface XmlElement {
  readonly name: string;
  readonly uri: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  readonly parent: XmlElement | null;
  /** Concatenated direct text content. */
  text: string;
}

/** Parse `xml`; malformed XML is an error naming the position. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const found: { root: XmlElement | null } = { root: null };
  const stack: XmlElement[] = [];
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1) ?? null;
    const prefix = prefixOf[tag.uri];
    const name = prefix === undefined ? `{${tag.uri}}${tag.local}` : prefix === '' ? tag.local : `${prefix}:${tag.local}`;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local] = a.value;
    const el: XmlElement = { name, uri: tag.uri, attrs, children: [], parent, text: '' };
    if (parent) parent.children.push(el);
    else found.root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new SamverkanError('SAMV_ERR_FILE_FORMAT', `XML-dokumentet kunde inte läsas: ${e instanceof Error ? e.message : String(e)}`, {
      field: 'xml',
    });
  }
  if (found.root === null) throw new SamverkanError('SAMV_ERR_FILE_FORMAT', 'XML-dokumentet saknar rotelement.', { field: 'xml' });
  return found.root;
}

/** Direct children named `name`. */
export function kids(el: XmlElement | null | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The first element reached by the child path `names`, or null. */
export function at(el: XmlElement | null | undefined, ...names: string[]): XmlElement | null {
  let cur: XmlElement | null = el ?? null;
  for (const n of names) {
    cur = cur?.children.find((c) => c.name === n) ?? null;
    if (cur === null) return null;
  }
  return cur;
}

/** Every element reached by the child path `names` (all branches). */
export function all(el: XmlElement | null | undefined, ...names: string[]): XmlElement[] {
  let cur: XmlElement[] = el ? [el] : [];
  for (const n of names) cur = cur.flatMap((c) => kids(c, n));
  return cur;
}

/** Trimmed, whitespace-normalised text (XPath normalize-space). */
export function textOf(el: XmlElement | null | undefined): string {
  return el ? el.text.replace(/\s+/g, ' ').trim() : '';
}

/** Every descendant of `el` (document order), `el` itself excluded. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Every descendant named `name` (XPath `//name` below `el`). */
export function deep(el: XmlElement, name: string): XmlElement[] {
  return descendants(el).filter((e) => e.name === name);
}

/** The element's path for messages, e.g. `/Invoice/cac:InvoiceLine[2]/cbc:ID`. */
export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) {
    const p = cur.parent;
    if (p) {
      const name = cur.name;
      const same = p.children.filter((c) => c.name === name);
      parts.unshift(same.length > 1 ? `${cur.name}[${String(same.indexOf(cur) + 1)}]` : cur.name);
    } else parts.unshift(cur.name);
  }
  return `/${parts.join('/')}`;
}
