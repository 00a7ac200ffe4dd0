export declare const TRUSTED_PROXIES_SETTING: 'INTAKE_TRUSTED_PROXIES';
export interface TrustedProxies {
  readonly entries: readonly string[];
  isTrusted(address: string): boolean;
}
export declare function normaliseAddress(address: string | null | undefined): string;
export declare function parseTrustedProxies(value: string | null | undefined): TrustedProxies;
export declare function resolveClientAddress(options: {
  peer: string | null | undefined;
  forwardedFor: string | string[] | null | undefined;
  trusted: TrustedProxies;
}): string | null;
export declare const FORWARDING_HEADERS: string[];
export declare function untrustedForwardingHeaders(options: {
  peer: string | null | undefined;
  trusted: TrustedProxies;
}): string[];
