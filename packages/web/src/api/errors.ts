/**
 * Every error a person sees says what happened and what to do next (WCAG 3.3.3). The server's
 * Swedish message names the field or row; this module adds the next step per error code and
 * covers the cases where no server message exists (network down, non-JSON response).
 */

/** An error from the API: the server's code, its Swedish message and where it was found. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly location: Readonly<Record<string, unknown>> = {},
    readonly details: readonly unknown[] = [],
  ) {
    super(message);
  }
}

const nextStep: Readonly<Record<string, string>> = {
  SAMV_ERR_INVALID_INPUT: 'Rätta uppgiften och försök igen.',
  SAMV_ERR_NOT_INTEGER_ORE: 'Ange beloppet i kronor med högst två decimaler och försök igen.',
  SAMV_ERR_MISSING_INDEX: 'Lägg in indexvärdet under Administration → Index och försök igen.',
  SAMV_ERR_UNKNOWN_MUNICIPALITY: 'Välj en av länets åtta kommuner och försök igen.',
  SAMV_ERR_PERSONNUMMER: 'Ta bort personnumret – tjänsten behöver inga personuppgifter – och försök igen.',
  SAMV_ERR_FILE_FORMAT: 'Kontrollera filens kolumner och teckenkodning och importera den igen.',
  SAMV_ERR_MISSING_PARAMETER: 'Lägg in parametern under Administration → Parametrar och försök igen.',
  SAMV_ERR_NOT_FOUND: 'Kontrollera adressen eller gå tillbaka till listan.',
  SAMV_ERR_UNAUTHENTICATED: 'Logga in och försök igen.',
  SAMV_ERR_FORBIDDEN: 'Din roll saknar behörighet för detta. Kontakta en administratör om du behöver åtkomst.',
  SAMV_ERR_CONFLICT: 'Ladda om sidan för att se aktuell status och försök sedan igen.',
  SAMV_ERR_NOTHING_TO_BILL: 'Importera underlagen för perioden först, eller välj en period som har ofakturerade poster.',
  SAMV_ERR_CONFIRMATION_REQUIRED: 'Läs varningarna om värden som inte är slutliga och bekräfta dem innan du godkänner.',
  SAMV_ERR_RATE_LIMITED: 'Vänta en minut och försök sedan igen.',
  SAMV_ERR_IMPORT_REJECTED: 'Inget har sparats. Rätta raderna i filen och importera hela filen igen.',
  SAMV_ERR_TOO_LARGE: 'Dela upp filen i mindre delar och importera dem var för sig.',
  SAMV_ERR_FILE_LIMIT: 'Inget har sparats. Dela upp filen eller spara den som CSV och importera den igen.',
  SAMV_ERR_STORAGE_FULL: 'Inget har sparats. Be driften frigöra diskutrymme och försök sedan igen.',
  SAMV_ERR_READ_ONLY: 'Inget har sparats. Be driften göra databasen skrivbar igen och försök sedan igen.',
  SAMV_ERR_INTERNAL: 'Försök igen om en stund. Kvarstår felet, kontakta en administratör.',
  SAMV_ERR_AGREEMENT_DATA: 'Avtalsdata i tjänsten behöver rättas. Kontakta en administratör och ange felmeddelandet.',
  SAMV_ERR_RULE_CONFLICT: 'Regeltabellerna i tjänsten behöver rättas. Kontakta en administratör och ange felmeddelandet.',
  SAMV_ERR_FILE_NOT_FOUND: 'Kontrollera filen och försök igen.',
  SAMV_ERR_NOT_CONFIGURED: 'Logga in med användarnamn och lösenord i stället, eller be en administratör aktivera funktionen.',
  SAMV_ERR_AUDIT_BROKEN: 'Kontakta systemförvaltningen: granskningsloggen kan ha ändrats utanför tjänsten.',
  SAMV_ERR_NETWORK: 'Kontrollera nätverksanslutningen och försök igen.',
};

const fallbackByStatus = (status: number): string => {
  if (status === 401) return 'Du är inte inloggad.';
  if (status === 403) return 'Du har inte behörighet till detta.';
  if (status === 404) return 'Det du söker finns inte.';
  if (status === 429) return 'För många försök.';
  if (status >= 500) return 'Tjänsten kunde inte svara just nu.';
  return 'Begäran kunde inte utföras.';
};

const codeByStatus = (status: number): string => {
  if (status === 401) return 'SAMV_ERR_UNAUTHENTICATED';
  if (status === 403) return 'SAMV_ERR_FORBIDDEN';
  if (status === 404) return 'SAMV_ERR_NOT_FOUND';
  if (status === 409) return 'SAMV_ERR_CONFLICT';
  if (status === 429) return 'SAMV_ERR_RATE_LIMITED';
  if (status >= 500) return 'SAMV_ERR_INTERNAL';
  return 'SAMV_ERR_INVALID_INPUT';
};

/** Build an `ApiError` from a response status and its (possibly absent or non-JSON) body. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e: unknown = body.error;
    if (typeof e === 'object' && e !== null) {
      const code = 'code' in e && typeof e.code === 'string' ? e.code : codeByStatus(status);
      const message = 'message' in e && typeof e.message === 'string' ? e.message : fallbackByStatus(status);
      const location =
        'location' in e && typeof e.location === 'object' && e.location !== null ? (e.location as Record<string, unknown>) : {};
      const details = 'details' in e && Array.isArray(e.details) ? (e.details as unknown[]) : [];
      return new ApiError(status, code, message, location, details);
    }
  }
  return new ApiError(status, codeByStatus(status), fallbackByStatus(status));
}

/** The error a failed `fetch` (no response at all) turns into. */
export function networkError(): ApiError {
  return new ApiError(0, 'SAMV_ERR_NETWORK', 'Kunde inte nå tjänsten.');
}

/** What to do next for an error code, in Swedish. */
export function nextStepFor(code: string): string {
  return nextStep[code] ?? 'Försök igen. Kvarstår felet, kontakta en administratör.';
}

/** The full Swedish text to show: what happened, then what to do. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const what = error.message.trim().replace(/([^.!?])$/, '$1.');
    // Many service messages already end by saying what to do ("… och importera filen igen.").
    if (/\b(igen|försök|välj|ange|skriv|rätta|kontakta|logga in)\b[^.]*\.$/i.test(what.split(/(?<=\.)\s/).pop() ?? '')) return what;
    return `${what} ${nextStepFor(error.code)}`;
  }
  return `Något gick fel i webbläsaren. ${nextStepFor('SAMV_ERR_INTERNAL')}`;
}

/** The field an error names (`location.field`), for tying it to a form control. */
export function errorField(error: unknown): string | undefined {
  if (error instanceof ApiError && typeof error.location['field'] === 'string') return error.location['field'];
  return undefined;
}
