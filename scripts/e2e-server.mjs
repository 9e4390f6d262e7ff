// The production server Playwright tests against (DATABASE_URL and NEXTAUTH_SECRET come from scripts/test.mjs).
import { startNextServer } from './server.mjs';

process.env.NODE_ENV = 'production';
const port = Number(process.env.E2E_PORT ?? 3100);
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
await startNextServer({ dev: false, port, hostname: '127.0.0.1' });
console.log(`e2e server on ${port}`);
