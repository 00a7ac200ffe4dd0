// The environment every Prisma CLI run in this project gets: the wasm schema engine front instead
// of a downloaded binary, and no network calls (update checks, telemetry) from an offline machine.
import { fileURLToPath } from 'node:url';

export const schemaEngineFront = fileURLToPath(new URL('./schema-engine.mjs', import.meta.url));

export function prismaEnvironment(env) {
  return {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY || schemaEngineFront,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
}
