/**
 * Every CLI command, each in its own file with a `register(program)` function. Add a command by
 * adding its file and one line here.
 */
import type { Command } from 'commander';
import { registerStart } from './start.js';
import { registerDbInit } from './db-init.js';
import { registerDbBackup } from './db-backup.js';
import { registerUsersAdd } from './users-add.js';
import { registerAuditVerify } from './audit-verify.js';
import { registerAgreements } from './agreements.js';
import { registerCalendar } from './calendar.js';
import { registerPrice } from './price.js';
import { registerMtFixed } from './mt-fixed.js';
import { registerTillaggsbelopp } from './tillaggsbelopp.js';
import { registerNormalVariation } from './normal-variation.js';
import { registerImport } from './import.js';
import { registerAssess } from './assess.js';
import { registerBilling } from './billing.js';

/** A command module registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [
  registerStart,
  registerDbInit,
  registerDbBackup,
  registerUsersAdd,
  registerAuditVerify,
  registerAgreements,
  registerCalendar,
  registerPrice,
  registerMtFixed,
  registerTillaggsbelopp,
  registerNormalVariation,
  registerAssess,
  registerImport,
  registerBilling,
];
