import { describe, expect, it } from 'vitest';
import { SamverkanError } from '@samverkan/core';
import { plainErrorJson, plainMessage } from './plain-message.js';

describe('error messages with the API’s field names in Swedish', () => {
  it('names a leading field and fields in the text by their Swedish names', () => {
    expect(plainMessage('currentPassword: det nuvarande lösenordet stämmer inte.')).toBe(
      'Nuvarande lösenord: det nuvarande lösenordet stämmer inte.',
    );
    expect(plainMessage('costRegulationPayer: ange betalare bara tillsammans med ett belopp i costRegulationOre.')).toBe(
      'Betalare av kostnadsregleringen: ange betalare bara tillsammans med ett belopp i ”Kostnadsreglering”.',
    );
  });
  it('names request paths in Swedish (the text gate, the personnummer gate)', () => {
    expect(plainMessage('Fältet body.subject innehåller ett otillåtet styrtecken (U+0007). Ta bort det och försök igen.')).toBe(
      'Fältet ”Ärende” innehåller ett otillåtet styrtecken (U+0007). Ta bort det och försök igen.',
    );
    expect(plainMessage('body.parties.1: uppgiften ser ut att innehålla ett personnummer.')).toBe(
      'Parter nr 2: uppgiften ser ut att innehålla ett personnummer.',
    );
    expect(plainMessage('Fältet body.nyckel är okänt.')).toBe('Fältet body.nyckel är okänt.');
  });
  it('leaves quoted values, JSON examples, paths, options and unknown words as written', () => {
    const example = 'Ange till exempel {"housing": "ordinart", "registeredMunicipality": "2380"}.';
    expect(plainMessage(example)).toBe(example);
    expect(plainMessage('Fältet "vatNumber" i /api/v1/parties; --allocation-key; fooBar.')).toBe(
      'Fältet "vatNumber" i /api/v1/parties; --allocation-key; fooBar.',
    );
  });
  it('keeps the machine name in location.field', () => {
    const e = new SamverkanError('SAMV_ERR_INVALID_INPUT', 'newPassword: för kort.', { field: 'newPassword' });
    expect(plainErrorJson(e)).toMatchObject({ message: 'Nytt lösenord: för kort.', location: { field: 'newPassword' } });
  });
});
