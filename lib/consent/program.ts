// The disclosing program's name on consents and exports (§2.31(a)(2)): PROGRAM_NAME, or a
// neutral default until it is configured.
export const PROGRAM_NAME: string = process.env.PROGRAM_NAME?.trim() || 'This treatment program';
