import { describe, expect, it } from 'vitest';

import { instrumentProgress } from '@/lib/intake/form/instrument-progress';
import { getFormValue, pathSegments, setFormValue } from '@/lib/intake/form/paths';
import { errorDomId, fieldDomId, sectionOfPath } from '@/lib/intake/form/sections';
import { emptyIntakeFormValues } from '@/lib/intake/form/values';
import { GAD7 } from '@/lib/instruments';

describe('form paths', () => {
  it('splits a path into keys and list indices', () => {
    expect(pathSegments('substances[1].daysUsedLast30')).toEqual(['substances', 1, 'daysUsedLast30']);
    expect(pathSegments('withdrawal.ciwaAr.items.tremor')).toEqual(['withdrawal', 'ciwaAr', 'items', 'tremor']);
  });

  it('reads and replaces one answer, copying only what is on the path', () => {
    const values = emptyIntakeFormValues();
    const changed = setFormValue(values, 'substances[0].name', 'Klonopin');
    expect(getFormValue(changed, 'substances[0].name')).toBe('Klonopin');
    expect(getFormValue(values, 'substances[0].name')).toBe('');
    expect(changed.patient).toBe(values.patient);

    const items = setFormValue(values, 'withdrawal.ciwaAr.items.tremor', 4);
    expect(items.withdrawal.ciwaAr.items).toEqual({ tremor: 4 });
    expect(items.withdrawal.cows).toBe(values.withdrawal.cows);
  });

  it('refuses an index past the end of a list', () => {
    expect(() => setFormValue(emptyIntakeFormValues(), 'substances[3].name', 'x')).toThrow(RangeError);
  });
});

describe('sections', () => {
  it('maps field paths to the section that shows them', () => {
    expect(sectionOfPath('patient.dateOfBirth')).toBe('patient');
    expect(sectionOfPath('substances')).toBe('substances');
    expect(sectionOfPath('substances[2].lastUse')).toBe('substances');
    expect(sectionOfPath('notes.substances')).toBe('substances');
    expect(sectionOfPath('biomedical.chronicConditions')).toBe('medical');
    expect(sectionOfPath('relapse.priorTreatmentEpisodes')).toBe('readiness');
    expect(sectionOfPath('socialNeeds.legal')).toBe('environment');
    expect(sectionOfPath('notes.general')).toBe('review');
    expect(sectionOfPath('')).toBe('review');
  });

  it('gives every path a DOM id for its control and its error region', () => {
    expect(fieldDomId('substances[0].daysUsedLast30')).toBe('field-substances-0-daysUsedLast30');
    expect(errorDomId('patient.firstName')).toBe('error-patient-firstName');
  });
});

describe('instrumentProgress', () => {
  it('counts answered items and gives the band only when all are answered', () => {
    expect(instrumentProgress(GAD7, { nervous: 3, uncontrollableWorry: 2, restless: null })).toEqual({
      answered: 2,
      itemCount: 7,
      total: 5,
      band: null,
    });
    const all = Object.fromEntries(GAD7.items.map((item) => [item.id, 2]));
    expect(instrumentProgress(GAD7, all)).toMatchObject({
      answered: 7,
      total: 14,
      band: { label: 'Moderate anxiety' },
    });
  });
});
