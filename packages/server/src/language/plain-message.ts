/**
 * An error message as a person reads it: a domain error written as "costRegulationPayer: ange
 * betalare …" names the field by its API name; at the edges (the API's error bodies, the CLI's
 * stderr and --json, the guide's batch lines) each API field name in camelCase is replaced by its
 * Swedish display name (field-names.ts) — "Betalare av kostnadsregleringen: ange betalare …". The
 * machine name stays in `location.field`. Text inside double quotes or braces is what the user
 * typed or an example to type (`{"registeredMunicipality": "2380"}`), and is left as written.
 */
import type { SamverkanError } from '@samverkan/core';
import { fieldDisplayName } from './field-names.js';

/** Quoted text and JSON examples: kept as they are. */
const verbatim = /"(?:[^"\\]|\\.)*"|\{[^{}]*\}/g;

/** A camelCase word (the API's multi-word field names). */
const camelCase = /(?<![\w.\-/])[a-z]+(?:[A-Z][a-z]*)+(?![\w\-/])/g;

function plainPart(text: string, atStart: boolean): string {
  return text.replace(camelCase, (word, offset: number) => {
    const name = fieldDisplayName(word);
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
