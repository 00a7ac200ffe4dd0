export function migrationDatabaseUrl(env?: NodeJS.ProcessEnv): string | undefined;
export function singleRoleWarning(env?: NodeJS.ProcessEnv): string | null;
export function roleOf(url: string): string;
export function grantAppRole(options: {
  ownerUrl: string;
  appUrl: string;
  log?: (message: string) => void;
}): Promise<boolean>;
