/**
 * `samverkan start [--port N] [--host H] [--no-demo]`: create or migrate the database, load the
 * agreement, load the demo data set into an empty database (unless --no-demo, SAMVERKAN_DEMO=0
 * or NODE_ENV=production), serve the API and the web app, and print the URL and demo sign-ins.
 * SIGINT/SIGTERM shut down gracefully.
 */
import type { Command } from 'commander';
import { parseIntegerOption } from '../output.js';
import { cliIo } from '../cli-io.js';

/** Register `start`. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('starta tjänsten (API och webb) på PORT (standard 3000)')
    .option('--port <port>', 'port (0 = valfri ledig)')
    .option('--host <adress>', 'adress att lyssna på (standard 127.0.0.1; 0.0.0.0 för alla)')
    .option('--demo', 'ladda demodata i en tom databas (standard utom i produktion)')
    .option('--no-demo', 'ladda inte demodata')
    .action(async (opts: { port?: string; host?: string; demo?: boolean }) => {
      // Loaded on use, so other commands do not pay for the web server's start-up.
      const [{ startServer }, { hasWebApp }, { loadConfig }, { demoSignInLines }] = await Promise.all([
        import('../../app/start-server.js'),
        import('../../app/web-static.js'),
        import('../../config.js'),
        import('./demo-sign-ins.js'),
      ]);
      const config = loadConfig();
      const server = await startServer({
        ...(opts.port === undefined ? {} : { port: parseIntegerOption(opts.port, '--port', 0, 65535) }),
        ...(opts.host === undefined ? {} : { host: opts.host }),
        demo: opts.demo ?? config.demo,
        handleSignals: true,
      });
      const lines = [
        '',
        `Samverkan körs på ${server.url}`,
        `  API-dokumentation: ${server.url}/api/docs   (OpenAPI: ${server.url}/api/openapi.json)`,
        `  Databas: ${server.databaseDescription}${server.demoSeeded ? ' (demodata laddad nu)' : ''}`,
        hasWebApp(config.webDir)
          ? `  Webbappen: ${server.url}/`
          : '  Webbappen är inte byggd (packages/web/dist saknas); API:et fungerar ändå.',
        ...(server.hasDemoUsers ? demoSignInLines(server.demoSeeded) : []),
        'Avsluta med Ctrl+C.',
        '',
      ];
      cliIo().stdout.write(lines.join('\n'));
    });
}
