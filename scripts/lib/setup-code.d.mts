export declare const SETUP_CODE_FILE_NAME: string;
export declare function noAccountsYet(databaseUrl: string): Promise<boolean>;
export declare function ensureSetupCode(
  dataDir: string,
  env?: Record<string, string | undefined>,
): { code: string; source: 'env' | 'file'; file?: string };
