/**
 * Where a JSON text first goes wrong, as a 1-based line. Node 20's `JSON.parse` error messages do
 * not say where, and an error message should name the line; this is a small validating scan of
 * the JSON grammar (RFC 8259) that stops at the first offending character.
 */

/** The 1-based line of the first JSON syntax error in `text`, or undefined when it is valid JSON. */
export function jsonErrorLine(text: string): number | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text.charAt(i + 1);
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail();
      } else if (c < ' ') fail();
      else i++;
    }
    fail();
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === '{') members('}', true);
    else if (c === '[') members(']', false);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
    ws();
  };
  const members = (close: string, object: boolean): void => {
    i++;
    ws();
    if (text.charAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      if (object) {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        if (text.charAt(i) !== ':') fail();
        i++;
      }
      value();
      const c = text.charAt(i);
      if (c === ',') i++;
      else if (c === close) {
        i++;
        return;
      } else fail();
    }
  };
  try {
    value();
    if (i < text.length) fail();
    return undefined;
  } catch {
    return text.slice(0, i).split('\n').length;
  }
}
