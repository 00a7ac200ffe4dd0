export function migrationDatabaseUrl(env?: Record<string, string | undefined>): string | undefined;
export function singleRoleWarning(env?: Record<string, string | undefined>): string | null;
export function roleOf(url: string): string;
export function grantAppRole(options: {
  ownerUrl: string;
  appUrl: string;
  log?: (message: string) => void;
}): Promise<boolean>;
