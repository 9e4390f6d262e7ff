// The production server of the benchmark build: the standalone server (scripts/lib/next-server.mjs) on 127.0.0.1:PORT.
// Started by bench/support/next-app.ts with NEXT_DIST_DIR, DATABASE_URL and NEXTAUTH_SECRET set.
import { startNextServer } from '../../scripts/lib/next-server.mjs';

const port = Number(process.env.PORT);
const server = await startNextServer({ dev: false, port, hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close().finally(() => process.exit(0)));
