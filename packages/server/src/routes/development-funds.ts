/**
 * `GET /api/v1/development-funds?year=Y`: the yearly follow-up of the joint development funds
 * (GEMUTV.utvardering-och-uppfoljning): budget, outcome and deviation per development area, from
 * the newest imported `development-budgets` records of the year, computed by core.
 */
import Type from 'typebox';
import { developmentFollowUp } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { readResponses } from '../app/schemas.js';
import { latestStateRecords } from '../billing/flow-records.js';
import { budgetsOf } from '../billing/flows/development-funds.js';

const Query = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2200, description: 'Budgetåret' }) },
  { additionalProperties: false },
);

/** Register the development-funds follow-up. */
export const registerDevelopmentFunds: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/development-funds',
    {
      schema: {
        tags: ['ekonomi'],
        summary: 'Gemensamma utvecklingsmedel: budget, utfall och avvikelse per område',
        querystring: Query,
        response: readResponses,
      },
    },
    async (request) => {
      authorize(request, 'records:read');
      const year = request.query.year;
      const records = await latestStateRecords(ctx.store.db, 'development-budgets', [String(year)]);
      return developmentFollowUp(ctx.agreement, year, budgetsOf(records));
    },
  );
};
