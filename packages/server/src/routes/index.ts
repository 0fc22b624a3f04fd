/**
 * Every route module, each registering one operation or one small resource. Add a route by
 * adding its file (a `RegisterRoutes` function) and one line here.
 */
import type { RegisterRoutes } from '../app/app-context.js';
import { registerHealth } from './health.js';
import { registerAuthLogin } from './auth-login.js';
import { registerAuthLogout } from './auth-logout.js';
import { registerAuthMe } from './auth-me.js';
import { registerAuthPassword } from './auth-password.js';
import { registerAuthOidc } from './auth-oidc.js';
import { registerAuthConfig } from './auth-config.js';
import { registerDocuments } from './documents.js';
import { registerClauses } from './clauses.js';
import { registerAgreementRegister } from './agreement-register.js';
import { registerIndexValues } from './index-values.js';
import { registerParameters } from './parameters.js';
import { registerAllocationKeys } from './allocation-keys.js';
import { registerUsers } from './users.js';
import { registerAudit } from './audit.js';
import { registerDisputes } from './disputes.js';
import { registerAgreements } from './agreements.js';
import { registerTerminations } from './terminations.js';
import { registerCalendar } from './calendar.js';
import { registerCalcPrice } from './calculations/price.js';
import { registerCalcMtFixed } from './calculations/mt-fixed.js';
import { registerCalcTillaggsbelopp } from './calculations/tillaggsbelopp.js';
import { registerCalcNormalVariation } from './calculations/normal-variation.js';
import { registerImports } from './imports.js';
import { registerImportRecords } from './import-records.js';
import { registerBillingRuns } from './billing-runs.js';
import { registerInvoiceBases } from './invoice-bases.js';
import { registerInvoiceBasisHistory } from './invoice-basis-history.js';
import { registerAssess } from './assess.js';
import { registerResponsibilityCfs } from './responsibility-cfs.js';
import { registerDevelopmentFunds } from './development-funds.js';
import { registerParties } from './parties.js';
import { registerExports } from './exports.js';
import { registerReportExports } from './report-exports.js';

/**
 * The routes that set or read cookies by name (the session cookie at sign-in, sign-out and
 * password change, the OIDC login's pending cookie). They are registered in a scope of their own
 * with @fastify/cookie; every other request reads only the session cookie, in the session hook,
 * without the plugin's two hooks (build-app.ts).
 */
export const cookieRoutes: readonly RegisterRoutes[] = [registerAuthLogin, registerAuthLogout, registerAuthPassword, registerAuthOidc];

/** All other routes, in registration order. */
export const routes: readonly RegisterRoutes[] = [
  registerHealth,
  registerAuthMe,
  registerAuthConfig,
  registerDocuments,
  registerClauses,
  registerAgreementRegister,
  registerIndexValues,
  registerParameters,
  registerAllocationKeys,
  registerUsers,
  registerAudit,
  registerDisputes,
  registerAgreements,
  registerTerminations,
  registerCalendar,
  registerCalcPrice,
  registerCalcMtFixed,
  registerCalcTillaggsbelopp,
  registerCalcNormalVariation,
  registerImports,
  registerImportRecords,
  registerBillingRuns,
  registerInvoiceBases,
  registerInvoiceBasisHistory,
  registerAssess,
  registerResponsibilityCfs,
  registerDevelopmentFunds,
  registerParties,
  registerExports,
  registerReportExports,
];
