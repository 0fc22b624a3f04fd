import { describe, expect, it } from 'vitest';
import { swedishCommanderMessage, swedishTitle } from './commander-swedish.js';
import { buildProgram } from './main.js';

describe('Swedish commander messages', () => {
  it.each([
    ["error: unknown option '--yaer'", 'okänd flagga --yaer'],
    ["error: unknown option '--yaer'\n(Did you mean --year?)", 'okänd flagga --yaer (menade du --year?)'],
    ["error: required option '--year <ÅR>' not specified", 'flaggan --year <ÅR> måste anges'],
    ["error: option '--year <ÅR>' argument missing", 'flaggan --year <ÅR> saknar värde'],
    ["error: missing required argument 'flöde'", 'argumentet flöde måste anges'],
    ["error: unknown command 'pris'", 'okänt kommando pris'],
    ["error: too many arguments for 'agreements'. Expected 0 arguments but got 1.", 'för många argument till agreements'],
  ])('%s', (english, swedish) => {
    expect(swedishCommanderMessage(english)).toBe(swedish);
  });

  it('shows Swedish headings in the help', () => {
    expect(swedishTitle('Usage:')).toBe('Användning:');
    const help = buildProgram().helpInformation();
    expect(help).toContain('Användning:');
    expect(help).toContain('Kommandon:');
    expect(help).not.toContain('Usage:');
  });
});
