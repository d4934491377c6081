#!/usr/bin/env node
// Starts the real server on a fresh SQLite data directory for the browser tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-'));
const server = spawn('npx', ['tsx', 'apps/server/src/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    KEHU_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    KEHU_LOGIN_RATE_LIMIT: '1000',
  },
});
const stop = () => {
  server.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
