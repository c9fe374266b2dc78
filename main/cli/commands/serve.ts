/**
 * `qirtas serve [--port N] [--open]`: runs the browser shell on 127.0.0.1 until
 * interrupted. Holds the archive's lock like the desktop app does.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { QirtasError } from '../../../common/errors.js';
import { startShellServer } from '../../http/shell-server.js';
import { openInBrowser } from '../open-browser.js';
import type { CliContext } from '../cli-context.js';

export async function serveCommand(context: CliContext, port: number, open: boolean): Promise<number> {
  const staticDir = join(context.appRoot, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new QirtasError('NOT_FOUND', `The app is not built (${staticDir} is missing). Run: npm run build`);
  }
  const app = await context.open(false);
  const server = await startShellServer({ dispatch: app.dispatch, events: app.service.events, staticDir, port });
  context.out(`Qirtas is serving ${context.dataDir}`);
  context.out(`Open: ${server.url}`);
  if (open) context.out(openInBrowser(server.url));
  context.out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await app.close();
  return 0;
}
