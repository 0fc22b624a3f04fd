/** The demo sign-ins as printed by `samverkan start` and `db init --demo`, clearly marked as demo. */
import { roleLabels } from '../../auth/roles.js';
import { DEMO_PASSWORD, demoUsers, type DemoSeedResult } from '../../store/demo-data.js';

/** Swedish lines listing the demo users and their (public) password. */
export function demoSignInLines(seed?: DemoSeedResult): string[] {
  const users = seed?.users ?? demoUsers.map((u) => ({ username: u.username, role: u.role, municipality: u.municipality ?? null }));
  return [
    'DEMO-inloggningar (bara för demodata; lösenordet är offentligt, använd aldrig i drift):',
    ...users.map((u) => `  ${u.username.padEnd(18)} ${roleLabels[u.role]}${u.municipality ? ` (kommun ${u.municipality})` : ''}`),
    `  lösenord för alla: ${seed?.password ?? DEMO_PASSWORD}`,
  ];
}
