import { describe, expect, it } from 'vitest';
import { becauseForV2, only, recommendV2, rulesForV2, type IntakeV2Patch } from './intake-builder';

const wm = (patch: IntakeV2Patch) => recommendV2(patch).withdrawalManagement;

/** D1 = 1 (own opioid regular), D1 = 2 (COWS 13), D1 = 3 (COWS 25), D1 = 4 (current delirium). */
const opioid = (cows: number | null = null): IntakeV2Patch => ({
  ...only({ category: 'opioid', daysUsedLast30: 20 }),
  withdrawal: { cows },
});

describe('withdrawal management v2', () => {
  it('starts from D1: 0 none, 1 1-WM, 2 2-WM, 3 3.7-WM, 4 4-WM', () => {
    expect(wm({})).toBe('none');
    expect(wm(opioid())).toBe('1-WM');
    expect(wm(opioid(13))).toBe('2-WM');
    expect(wm(opioid(25))).toBe('3.7-WM');
    expect(wm({ withdrawal: { currentSeizureOrDelirium: true } })).toBe('4-WM');
  });

  it('D1 1 or 2 and no ambulatory withdrawal support → 3.2-WM', () => {
    expect(wm({ ...opioid(), environment: { ambulatoryWithdrawalSupport: false } })).toBe('3.2-WM');
    expect(wm({ ...opioid(13), environment: { ambulatoryWithdrawalSupport: false } })).toBe('3.2-WM');
    expect(wm({ ...opioid(25), environment: { ambulatoryWithdrawalSupport: false } })).toBe('3.7-WM');
  });

  it('D1 1 or 2 and D6 >= 3 → 3.2-WM (D6 2 → stays ambulatory); replaces v1 "D1 2 and D6 >= 3" and now covers D1 1 too', () => {
    expect(wm({ ...opioid(), environment: { housing: 'homeless' } })).toBe('3.2-WM');
    expect(wm({ ...opioid(13), environment: { housing: 'homeless' } })).toBe('3.2-WM');
    expect(wm({ ...opioid(13), environment: { housing: 'unstable' } })).toBe('2-WM');
  });

  it('WM not none and D2 = 3 → at least 3.7-WM; without WM it stays none', () => {
    expect(wm({ ...opioid(), biomedical: { needs24hMedical: true } })).toBe('3.7-WM');
    expect(wm({ biomedical: { needs24hMedical: true } })).toBe('none');
    expect(wm({ ...opioid(), biomedical: { needs24hMedical: false } })).toBe('1-WM');
  });

  it('WM not none and D2 = 4 → 4-WM; without WM it stays none', () => {
    expect(wm({ ...opioid(), biomedical: { unstableMedical: true } })).toBe('4-WM');
    expect(wm({ biomedical: { unstableMedical: true } })).toBe('none');
  });

  it('WM not none, pregnant and alcohol or a sedative used → at least 3.7-WM', () => {
    // Sedatives on 1 day with CIWA-B 5: D1 1, D2 1 (pregnant, no regular class), so only this step raises WM.
    const sedative = (daysUsedLast30: number, pregnancy: 'yes' | 'no' | 'unknown'): IntakeV2Patch => ({
      ...only({ category: 'benzodiazepine', daysUsedLast30 }),
      withdrawal: { ciwaB: 5 },
      patient: { pregnancy },
    });
    const pregnantUser = recommendV2(sedative(1, 'yes'));
    expect(pregnantUser.withdrawalManagement).toBe('3.7-WM');
    expect(rulesForV2(pregnantUser, 'wm')).toEqual(['wm.d1-1', 'wm.pregnant-alcohol-or-sedative']);
    expect(wm(sedative(0, 'yes'))).toBe('1-WM');
    expect(wm(sedative(1, 'unknown'))).toBe('1-WM');
    expect(
      wm({
        ...only({ category: 'alcohol', daysUsedLast30: 1 }),
        withdrawal: { ciwaAr: 10 },
        patient: { pregnancy: 'yes' },
      }),
    ).toBe('3.7-WM');
    // An opioid is neither alcohol nor a sedative.
    expect(
      wm({
        ...only({ category: 'opioid', daysUsedLast30: 5 }),
        withdrawal: { cows: 6 },
        patient: { pregnancy: 'yes' },
      }),
    ).toBe('1-WM');
  });

  it('explains the start and every step that applied, in order', () => {
    const r = recommendV2({
      ...opioid(13),
      environment: { ambulatoryWithdrawalSupport: false },
      biomedical: { unstableMedical: true },
    });
    expect(rulesForV2(r, 'wm')).toEqual(['wm.d1-2', 'wm.ambulatory-not-supported', 'wm.d2-4']);
    expect(becauseForV2(r, 'wm')).toEqual([
      '2-WM to start with, because D1 is 2',
      '3.2-WM instead of 2-WM because D1 is 2 and no safe place with daily check-ins for withdrawal at home (ambulatoryWithdrawalSupport is false)',
      '4-WM (was 3.2-WM) because withdrawal management is needed and D2 is 4',
    ]);
  });
});
