/**
 * Intake v1 under its old path, kept so code written before v2 (`@/lib/intake/schema`) still
 * compiles. New code imports from `@/lib/intake` (or `@/lib/intake/v1`, `@/lib/intake/v2`).
 */
export * from './v1/schema';
