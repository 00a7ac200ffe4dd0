// Starts the floor server (floor-server.ts) as its own process for a bench: `node --import tsx`,
// without the react-server condition the bench runs under, NODE_ENV=production (React's
// production build, as next start uses), in its own process group like the app's server.
import path from 'node:path';

import { startServerProcess, type RunningServer } from './next-server';

export function startFloorServer(options: {
  port: number;
  databaseUrl: string;
  staffId: string;
}): Promise<RunningServer> {
  return startServerProcess({
    label: 'the floor server (bench/support/floor-server.ts)',
    args: ['--import', 'tsx', path.join('bench', 'support', 'floor-server.ts')],
    env: {
      NODE_ENV: 'production',
      FLOOR_PORT: String(options.port),
      FLOOR_DATABASE_URL: options.databaseUrl,
      FLOOR_STAFF_ID: options.staffId,
    },
    baseUrl: `http://127.0.0.1:${options.port}`,
    healthPath: '/health',
  });
}
