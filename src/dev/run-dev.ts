import path from 'node:path';
import type { BuildOptions } from '../build.js';
import { formatProblems, hasErrors } from '../problems.js';
import { startDevServer } from './dev-server.js';
import { createIncrementalBuilder, type RebuildResult } from './incremental.js';
import { watchForChanges } from './watch.js';

/** Options of `dev`: a build's, plus where to listen and where to print. */
export interface DevOptions extends BuildOptions {
  host: string;
  port: number;
  log: (line: string) => void;
}

/** A running dev session. */
export interface DevSession {
  url: string;
  close(): Promise<void>;
}

/** Build, serve, watch, rebuild: the organizer's preview loop. */
export async function runDev(options: DevOptions): Promise<DevSession> {
  const builder = createIncrementalBuilder(options, {
    onDeferredError: (error, output) => options.log(`${output}: could not be rendered, still serving its last good version\n${error instanceof Error ? error.message : String(error)}`),
  });
  const first = await builder.build();
  report(first, 'initial build');
  const basePath = builder.model()?.config.basePath ?? '/';
  const server = await startDevServer({ host: options.host, port: options.port, basePath, outputs: builder.outputs });
  if (!first.ok) server.notifyProblems(formatProblems(first.problems));

  const outDir = path.resolve(options.outDir);
  const watcher = await watchForChanges(
    [options.contentDir, options.templatesDir],
    { ignored: (file) => file === outDir || file.startsWith(outDir + path.sep) || path.basename(file).startsWith('.') && file !== options.contentDir },
    async (changed) => {
      const result = await builder.rebuild(changed);
      report(result, changed.map((file) => path.relative(options.displayRoot, file)).join(', '));
      if (!result.ok) {
        server.notifyProblems(formatProblems(result.problems));
        return;
      }
      server.notifyProblems(undefined);
      if (result.written.length > 0 || result.deleted.length > 0) server.notifyReload(result.cssOnly);
    },
  );

  function report(result: RebuildResult, what: string) {
    if (!result.ok) {
      options.log(`${what}: build failed, still serving the last good pages\n${formatProblems(result.problems)}`);
      return;
    }
    const warnings = result.problems.length > 0 && !hasErrors(result.problems) ? ` (${result.problems.length} warnings)` : '';
    const later = result.deferred > 0 ? `; ${result.deferred} site-wide pages follow (rendered when asked for, or in the background)` : '';
    options.log(`${what}: ${result.written.length} files rewritten, ${result.deleted.length} removed in ${result.ms} ms${warnings}${later}`);
  }

  options.log(`Serving ${server.url} (Ctrl-C to stop)`);
  return {
    url: server.url,
    async close() {
      await watcher.close();
      await server.close();
      // Pages still deferred are written, so that the output folder is whole after Ctrl-C.
      builder.settle();
    },
  };
}
