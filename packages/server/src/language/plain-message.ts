/**
 * An error message as a person reads it: a domain error written as "costRegulationPayer: ange
 * betalare …" or "Fältet body.subject innehåller …" names the field by its API name or path; at
 * the edges (the API's error bodies, the CLI's stderr and --json, the guide's batch lines) each API
 * field name in camelCase and each request path is replaced by its Swedish display name
 * (field-names.ts) — "Betalare av kostnadsregleringen: ange betalare …". The
 * machine name stays in `location.field`. Text inside double quotes or braces is what the user
 * typed or an example to type (`{"registeredMunicipality": "2380"}`), and is left as written.
 */
import type { SamverkanError } from '@samverkan/core';
import { fieldDisplayName } from './field-names.js';

/** Quoted text and JSON examples: kept as they are. */
const verbatim = /"(?:[^"\\]|\\.)*"|\{[^{}]*\}/g;

/** A request path (`body.parties.0`, `query.from`) or a camelCase word (the API's multi-word field names). */
const fieldWord = /(?<![\w.\-/])(?:(?:body|query|path)\.[\p{L}\w]+(?:\.[\p{L}\w]+)*|[a-z]+(?:[A-Z][a-z]*)+)(?![\w\-/])/gu;

/** A path's Swedish name: "Parter nr 1", "Typ (Produkter nr 2)"; undefined when a segment is no known field. */
function pathLabel(word: string): string | undefined {
  const segments = word.split('.');
  if (['body', 'query', 'path'].includes(segments[0] ?? '')) segments.shift();
  const names: string[] = [];
  for (const s of segments) {
    const known = fieldDisplayName(s);
    if (/^\d+$/.test(s) && names.length > 0) names[names.length - 1] = `${names[names.length - 1] ?? ''} nr ${String(Number(s) + 1)}`;
    else if (known !== undefined) names.push(known);
    else return undefined;
  }
  const main = names.at(-1);
  if (main === undefined) return undefined;
  return names.length === 1 ? main : `${main} (${names.slice(0, -1).join(', ')})`;
}

function plainPart(text: string, atStart: boolean): string {
  return text.replace(fieldWord, (word: string, offset: number) => {
    const name = pathLabel(word);
    if (name === undefined) return word;
    // A leading "field: " names what the message is about; elsewhere the name is quoted.
    return atStart && offset === 0 && text.charAt(word.length) === ':' ? name : `”${name}”`;
  });
}

/** `message` with the API's camelCase field names in Swedish (outside quotes and JSON examples). */
export function plainMessage(message: string): string {
  let out = '';
  let last = 0;
  for (const m of message.matchAll(verbatim)) {
    out += plainPart(message.slice(last, m.index), last === 0) + m[0];
    last = m.index + m[0].length;
  }
  return out + plainPart(message.slice(last), last === 0);
}

/** The error's JSON (`toJSON()`) with the message as a person reads it. */
export function plainErrorJson(e: SamverkanError): ReturnType<SamverkanError['toJSON']> {
  const json = e.toJSON();
  return { ...json, message: plainMessage(json.message) };
}
