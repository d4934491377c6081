// The duplicate grouping's thread runs TypeScript like the server does (tsx), whichever loader
// started the process (tsx for `npm start`, Vite for the tests).
import { register } from 'tsx/esm/api';

register();
await import('./grouping.thread.ts');
