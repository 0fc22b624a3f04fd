/**
 * Test support: the Swedish strings the web app shows, read from its source (packages/web/src/**
 * /*.tsx) with the TypeScript parser: JSX text, string-valued props a person reads or hears
 * (`label`, `title`, `aria-label`, `description`, `placeholder`, `alt`, `legend`, `caption`), and
 * string literals and template texts written as JSX children (`{x ? 'Ja' : 'Nej'}`). Pragmatic on
 * purpose: strings built in helper .ts files are not collected.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One shown string and where it is written. */
export interface ShownString {
  readonly text: string;
  readonly where: string;
}

const webSrc = fileURLToPath(new URL('../../../web/src/', import.meta.url));
const shownProps = new Set([
  'label',
  'title',
  'aria-label',
  'description',
  'placeholder',
  'alt',
  'legend',
  'caption',
  'aria-description',
  'summary',
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? files(f) : n.endsWith('.tsx') ? [f] : [];
  });
}

/** String literals and template texts inside an expression a person reads (not call arguments: those are ids, keys, class names). */
function literalTexts(node: ts.Node, out: string[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
  else if (ts.isTemplateExpression(node)) {
    out.push(node.head.text);
    for (const span of node.templateSpans) {
      literalTexts(span.expression, out);
      out.push(span.literal.text);
    }
  } else if (ts.isConditionalExpression(node)) {
    literalTexts(node.whenTrue, out);
    literalTexts(node.whenFalse, out);
  } else if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      node.operatorToken.kind === ts.SyntaxKind.PlusToken)
  ) {
    literalTexts(node.left, out);
    literalTexts(node.right, out);
  } else if (ts.isParenthesizedExpression(node)) literalTexts(node.expression, out);
}

/** Every string the web app's components show, with file and line. */
export function webShownStrings(): ShownString[] {
  const out: ShownString[] = [];
  for (const file of files(webSrc)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const where = (n: ts.Node): string =>
      `${relative(webSrc, file)}:${String(source.getLineAndCharacterOfPosition(n.getStart()).line + 1)}`;
    const add = (n: ts.Node, texts: readonly string[]): void => {
      for (const t of texts) if (t.trim() !== '') out.push({ text: t.trim(), where: where(n) });
    };
    const visit = (n: ts.Node): void => {
      if (ts.isJsxText(n)) add(n, [n.text.replace(/\s+/g, ' ')]);
      else if (ts.isJsxAttribute(n) && shownProps.has(n.name.getText(source)) && n.initializer !== undefined) {
        const texts: string[] = [];
        if (ts.isStringLiteral(n.initializer)) texts.push(n.initializer.text);
        else if (ts.isJsxExpression(n.initializer) && n.initializer.expression !== undefined) literalTexts(n.initializer.expression, texts);
        add(n, texts);
      } else if (ts.isJsxExpression(n) && n.expression !== undefined && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
        const texts: string[] = [];
        literalTexts(n.expression, texts);
        add(n, texts);
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return out;
}
