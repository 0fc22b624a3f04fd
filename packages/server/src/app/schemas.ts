/** TypeBox schemas shared by several routes (they also document the OpenAPI responses). */
import Type from 'typebox';
import type { Role } from '../auth/roles.js';

/** The API error body. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stabil felkod, t.ex. SAMV_ERR_INVALID_INPUT' }),
      message: Type.String({ description: 'Svenskt meddelande som namnger fältet' }),
      location: Type.Object({}, { additionalProperties: true }),
      details: Type.Array(Type.Unknown()),
    }),
  },
  { description: 'Fel' },
);

/** Standard error responses for documentation. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
} as const;

/** Responses of a read: any JSON on 200 (documented in the route's summary), errors as above. */
export const readResponses = { 200: Type.Unknown({ description: 'OK' }), ...errorResponses } as const;

/** Responses of a creation: 201 with the created record, errors as above (409 on conflicts). */
export const createResponses = { 201: Type.Unknown({ description: 'Skapad' }), ...errorResponses, 409: ErrorBody } as const;

/** Responses of a change: 200 with the changed record, errors as above (409 on conflicts). */
export const changeResponses = { ...readResponses, 409: ErrorBody } as const;

/** A role name. */
export const RoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('region_economist'),
  Type.Literal('municipality_economist'),
  Type.Literal('manager'),
  Type.Literal('viewer'),
]);

/** The schema's literals are the roles of auth/roles.ts (checked by the type below). */
export const roleSchemaCovers: readonly Role[] = ['admin', 'region_economist', 'municipality_economist', 'manager', 'viewer'];

/** The signed-in user. */
export const SessionUserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  municipality: Type.Union([Type.String(), Type.Null()], { description: 'Kommunkod för kommunekonomer' }),
});

/** An ISO date. */
export const IsoDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ÅÅÅÅ-MM-DD' });

/** An exact decimal as text ("2.9" or "2,9"). */
export const DecimalText = Type.String({ pattern: '^-?\\d+([.,]\\d+)?$', description: 'Exakt decimaltal som text, t.ex. "2.9"' });

/** A UUID path parameter. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
