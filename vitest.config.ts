import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Commands that cache per-article results (report and the commands on its per-article pass)
    // write here when a test gives no cache folder, not to the user's ~/.cache/framelens.
    env: { FRAMELENS_CACHE: join(tmpdir(), 'framelens-test-cache') },
  },
});
