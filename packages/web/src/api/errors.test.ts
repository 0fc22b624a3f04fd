import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../../core/src/errors.js';
import { ApiError, apiErrorFrom, networkError, nextStepFor, userMessage } from './errors.js';

describe('every error says what to do next', () => {
  it('has a Swedish next step for every code of the error catalogue', () => {
    const generic = nextStepFor('SAMV_ERR_SOMETHING_NEW');
    for (const code of Object.keys(errorCatalogue)) {
      expect({ code, step: nextStepFor(code) === generic ? 'saknas' : 'finns' }).toEqual({ code, step: 'finns' });
    }
  });
  it('joins the server message (what happened) and the next step (what to do)', () => {
    const e = apiErrorFrom(422, {
      error: { code: 'SAMV_ERR_MISSING_INDEX', message: 'Indexvärde saknas för LPIK 2027', location: { field: 'index' } },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(userMessage(e)).toBe('Indexvärde saknas för LPIK 2027. Lägg in indexvärdet under Administration → Index och försök igen.');
  });
  it('does not repeat the next step when the service message already gives one', () => {
    const e = apiErrorFrom(422, {
      error: {
        code: 'SAMV_ERR_IMPORT_REJECTED',
        message: 'fil.csv: 1 fel i filen, inget har sparats. Rätta raderna nedan och importera filen igen.',
      },
    });
    expect(userMessage(e)).toBe('fil.csv: 1 fel i filen, inget har sparats. Rätta raderna nedan och importera filen igen.');
  });
  it('falls back on the status when the body is not the error shape, and covers a network failure', () => {
    expect(userMessage(apiErrorFrom(502, '<html>Bad gateway</html>'))).toBe(
      'Tjänsten kunde inte svara just nu. Försök igen om en stund. Kvarstår felet, kontakta en administratör.',
    );
    expect(userMessage(apiErrorFrom(403, undefined))).toMatch(/^Du har inte behörighet till detta\. Din roll saknar behörighet/);
    expect(userMessage(networkError())).toBe('Kunde inte nå tjänsten. Kontrollera nätverksanslutningen och försök igen.');
    expect(userMessage(new Error('x'))).toMatch(/^Något gick fel i webbläsaren\./);
  });
});
