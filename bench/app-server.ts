/**
 * Child process: the real Kehu server (buildApp, every plugin, auth, zod) on a loopback port, on the
 * benchmark database. Reports its port to the parent over IPC; stops on 'stop'.
 */

import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/database';

const file = process.env.BENCH_DB;
if (!file) throw new Error('BENCH_DB is not set');

const config = loadConfig(
  {},
  {
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    dataDir: path.dirname(file),
    loginRateLimitPerMinute: 1000,
    webDistDir: path.join(path.dirname(file), 'no-web-app'),
  },
);
const { app } = await buildApp(config, { database: openDatabase({ sqlitePath: file }) });
await app.listen({ host: config.host, port: config.port });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('message', (message) => {
  if (message === 'stop') void app.close().then(() => process.exit(0));
});
