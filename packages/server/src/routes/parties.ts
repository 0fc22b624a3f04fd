/**
 * The party register: `GET /api/v1/parties[?history=true]` (signed in) — the current version per
 * party, unit and start date (or every version); `POST /api/v1/parties` (administrator) — a new
 * version from `validFrom`, every identifier validated (organisationsnummer Luhn, bankgiro/plusgiro
 * checksum, VAT number SE…01), audited. Which fields still carry placeholders is shown per version.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { actorOf } from '../auth/session-user.js';
import { createResponses, IsoDateSchema, readResponses } from '../app/schemas.js';
import { listParties, placeholderFieldNames, recordParty, regionUnits } from '../reference/party-register.js';

const Short = (description: string, maxLength = 200) => Type.String({ minLength: 1, maxLength, description });

const Body = Type.Object(
  {
    partyCode: Short('region, en kommunkod (2380) eller hemregion:<namn>', 140),
    unit: Type.Optional(
      Type.Union([Type.Union(regionUnits.map((u) => Type.Literal(u))), Type.Null()], {
        description: 'Regionens enhet som faktureras separat',
      }),
    ),
    validFrom: IsoDateSchema,
    legalName: Short('Juridiskt namn'),
    organisationNumber: Type.String({ pattern: '^\\d{6}-?\\d{4}$', description: 'Organisationsnummer NNNNNN-NNNN (Luhn-kontrolleras)' }),
    endpoint: Type.Optional(
      Type.Object(
        { scheme: Type.String({ pattern: '^\\d{4}$' }), id: Short('Peppol-id', 50) },
        { additionalProperties: false, description: 'Peppol-adress; standard 0007 + organisationsnumret' },
      ),
    ),
    address: Type.Object(
      {
        street: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
        postalCode: Type.String({ pattern: '^\\d{3} ?\\d{2}$' }),
        city: Short('Ort', 100),
      },
      { additionalProperties: false },
    ),
    vatRegistered: Type.Boolean(),
    vatNumber: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    payment: Type.Optional(
      Type.Union([
        Type.Object(
          { kind: Type.Union([Type.Literal('bankgiro'), Type.Literal('plusgiro')]), account: Type.String({ minLength: 2, maxLength: 12 }) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    paymentTermsDays: Type.Integer({ minimum: 0, maximum: 120 }),
    buyerReference: Short('Referens som parten vill ha på fakturor till sig ("Er referens")', 100),
    flowReferences: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 100 }), { description: 'Referens per flöde' }),
    ),
    invoicePrefix: Type.String({ pattern: '^[A-Za-z0-9]{2,12}$', description: 'Prefix för säljarens fakturanummer, t.ex. RJH' }),
  },
  { additionalProperties: false },
);

/** Register the party register routes. */
export const registerParties: RegisterRoutes = (app, ctx) => {
  const tags = ['referensdata'];
  app.get(
    '/api/v1/parties',
    {
      schema: {
        tags,
        summary: 'Partsregistret: juridiskt namn, organisationsnummer, Peppol-adress, betalningsuppgifter och referenser per part',
        querystring: Type.Object({ history: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: readResponses,
      },
    },
    async (request) => {
      authorize(request, 'reference:read');
      return { parties: await listParties(ctx.store.db, request.query.history === true), placeholderFieldNames, units: regionUnits };
    },
  );
  app.post(
    '/api/v1/parties',
    {
      schema: {
        tags,
        summary: 'Registrera en ny version av en parts uppgifter (granskningsloggas)',
        body: Body,
        response: createResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'reference:change');
      return reply.status(201).send({ party: await recordParty(ctx.store, ctx.agreement, request.body, actorOf(user)) });
    },
  );
};
