// Types for scripts/test-prerequisites.mjs (plain JS: `npm test` runs it before any build).

export declare const PREREQUISITES_CHECKED: 'INTAKE_TEST_PREREQUISITES_CHECKED';

export interface PrerequisiteNeeds {
  /** The end-to-end tests will run. */
  chromium?: boolean;
  /** The integration or end-to-end tests will run. */
  postgres?: boolean;
}

export interface PrerequisiteFacts {
  isRoot: boolean;
  commands: { aptGet: boolean; sudo: boolean };
  chromium: {
    needed: boolean;
    found: boolean;
    path: string | undefined;
    source: 'INTAKE_CHROMIUM_PATH' | 'system' | 'playwright' | undefined;
  };
  postgres: {
    needed: boolean;
    state: 'ready' | 'unreachable' | 'refused';
    detail: string;
    /** TEST_DATABASE_SERVER as configured (or its default). */
    server: string;
    /** host:port, for messages. */
    address: string;
    /** On this machine (loopback or a socket folder), where a stopped cluster can be started. */
    local: boolean;
    port: number;
    clusters: readonly { version: string; name: string; port: number; online: boolean }[];
  };
}

export interface PrerequisiteAction {
  piece: string;
  say: string;
  commands: string[][];
  waitForPostgres?: boolean;
}

export declare function planPrerequisites(facts: PrerequisiteFacts): {
  actions: PrerequisiteAction[];
  missing: string[];
};
export declare function gatherFacts(options: {
  needs: PrerequisiteNeeds;
  env?: Record<string, string | undefined>;
}): Promise<PrerequisiteFacts>;
export declare function ensureTestPrerequisites(options: {
  needs: PrerequisiteNeeds;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}): Promise<boolean>;
