// The import reader's thread runs TypeScript like the server does (tsx), whichever loader started
// the process (tsx for `npm start`, Vite for the tests).
import { register } from 'tsx/esm/api';

register();
await import('./import-reader.thread.ts');
