// The production server Playwright tests against: the standalone build (DATABASE_URL and NEXTAUTH_SECRET come from
// scripts/test.mjs). It stays in the foreground until Playwright stops it.
import { startNextServer } from './lib/next-server.mjs';

const port = Number(process.env.E2E_PORT ?? 3100);
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const server = await startNextServer({ dev: false, port, hostname: '127.0.0.1' });
console.log(`e2e server on ${port}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void server.close().then(() => process.exit(0)));
server.child.once('exit', (code) => process.exit(code ?? 1));
