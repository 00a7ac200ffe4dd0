// Types for scripts/lib/test-database-server.mjs (plain JS: the test scripts run it before any build).

export declare const DEFAULT_TEST_DATABASE_SERVER: 'postgresql://postgres@127.0.0.1:5432';
export declare function testDatabaseServer(env?: Record<string, string | undefined>): string;
export declare function databaseUrlOn(serverUrl: string, name: string): string;
