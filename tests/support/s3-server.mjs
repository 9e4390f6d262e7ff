// A real S3-compatible server for tests: s3rver (pure JS, from npm) on a free port of 127.0.0.1, storing objects in a
// temporary directory, with the bucket already created. Imported by tests, or run as a process for multi-process
// tests (`node tests/support/s3-server.mjs [bucket]` prints one JSON line when ready and stops on SIGTERM).
// s3rver checks the access key id but not the SigV4 signature itself: signing is the AWS SDK's, kept upstream.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import S3rver from 's3rver';

/** s3rver's built-in account. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Starts the server with `bucket` created. Returns the endpoint, the settings for lib/env.ts (STORAGE_DRIVER=s3 …)
 * and stop(), which closes open connections, stops the server and removes its directory.
 */
export async function startS3Server({ bucket = 'dangjian-test', region = 'us-east-1' } = {}) {
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    bucket,
    region,
    directory,
    ...S3_TEST_CREDENTIALS,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: region,
      S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    },
    async stop() {
      // Clients keep connections alive; close them, or close() waits for them.
      server.httpServer.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = await startS3Server({ bucket: process.argv[2] });
  const { stop, ...ready } = started;
  console.log(JSON.stringify({ ready: true, ...ready }));
  process.on('SIGTERM', () => stop().then(() => process.exit(0)));
}
