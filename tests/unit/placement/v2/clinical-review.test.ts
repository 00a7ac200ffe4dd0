/**
 * The clinical-review findings that motivated placement rules v2 (issue 8, top), each as a named
 * scenario: what v1 recommended, and what v2 must recommend instead.
 */
import { describe, expect, it } from 'vitest';
import alcohol19Days from '@/tests/fixtures/intakes/v2-alcohol-19-days-seizure-dt-history.json';
import adolescent from '@/tests/fixtures/intakes/v2-adolescent-14-suicide-attempt.json';
import pregnantHeroin from '@/tests/fixtures/intakes/v2-pregnant-heroin-fentanyl-xanax.json';
import prescribedClonazepam from '@/tests/fixtures/intakes/v2-prescribed-clonazepam-as-directed.json';
import stableMethadone from '@/tests/fixtures/intakes/v2-stable-methadone.json';
import { compareWithdrawalManagementLevels, recommendPlacement, type PlacementRecommendationV2 } from '@/lib/placement';
import { only, recommendV2, testIntakeV2Schema } from './intake-builder';

const fromFixture = (fixture: unknown): PlacementRecommendationV2 =>
  recommendPlacement(testIntakeV2Schema.parse(fixture));
const atLeast = (r: PlacementRecommendationV2, wm: PlacementRecommendationV2['withdrawalManagement']) =>
  compareWithdrawalManagementLevels(r.withdrawalManagement, wm) >= 0;

describe('clinical review scenarios (v1 → v2)', () => {
  it('19 days of drinking with past withdrawal seizures and DTs → withdrawal management (v1: level 1, none)', () => {
    const r = fromFixture(alcohol19Days);
    expect(r).toMatchObject({ dimensions: { d1: 3 }, treatmentLevel: '3.7', withdrawalManagement: '3.7-WM' });
    expect(r.flags).toContain('CONTINUE_AFTER_WITHDRAWAL');
    // Without the CIWA-Ar too: the history and the days alone.
    const historyOnly = recommendV2({
      ...only({ category: 'alcohol', daysUsedLast30: 19, durationMonths: 120 }),
      withdrawal: { historySeizures: true, historyDeliriumTremens: true },
    });
    expect(historyOnly.withdrawalManagement).not.toBe('none');
  });

  it("'beer and vodka' as one row and as two rows give the same result (v1: 2.1 / 1-WM vs 3.7 / 3.7-WM)", () => {
    const oneRow = recommendV2(
      only({ category: 'alcohol', name: 'Beer and vodka', daysUsedLast30: 30, durationMonths: 60 }),
    );
    const twoRows = recommendV2({
      substances: [
        { category: 'alcohol', name: 'Beer', daysUsedLast30: 30, durationMonths: 60 },
        { category: 'alcohol', name: 'Vodka', daysUsedLast30: 30, durationMonths: 60 },
      ],
    });
    expect({ ...twoRows, rationale: [] }).toEqual({ ...oneRow, rationale: [] });
  });

  it('CIWA-Ar 22 entered for a benzodiazepine patient counts (v1: dropped, level 1, no WM)', () => {
    const r = recommendV2({
      ...only({ category: 'benzodiazepine', name: 'Xanax', daysUsedLast30: 10, durationMonths: 3 }),
      withdrawal: { ciwaAr: 22 },
    });
    expect(r.dimensions.d1).toBe(3);
    expect(r).toMatchObject({ treatmentLevel: '3.7', withdrawalManagement: '3.7-WM' });
  });

  it('a pregnant daily drinker → at least 3.7-WM (v1: 3.7 with ambulatory 1-WM)', () => {
    const r = recommendV2({
      ...only({ category: 'alcohol', daysUsedLast30: 30, durationMonths: 24 }),
      withdrawal: { ciwaAr: 6 },
      patient: { pregnancy: 'yes', gestationalWeeks: 20 },
    });
    expect(atLeast(r, '3.7-WM')).toBe(true);
    expect(r.flags).toContain('PREGNANCY_PRIORITY');
  });

  it('a daily drinker who needs 24-hour medical care → at least 3.7-WM (v1: 1-WM)', () => {
    const r = recommendV2({
      ...only({ category: 'alcohol', daysUsedLast30: 30, durationMonths: 24 }),
      withdrawal: { ciwaAr: 6 },
      biomedical: { needs24hMedical: true },
    });
    expect(atLeast(r, '3.7-WM')).toBe(true);
  });

  it('a stable methadone patient is not sent to withdrawal management, continues the medication and is offered naloxone', () => {
    const r = fromFixture(stableMethadone);
    expect(r.withdrawalManagement).toBe('none');
    expect(r.services).toEqual(expect.arrayContaining(['CONTINUE_MEDICATION', 'NALOXONE']));
    expect(r.services).not.toContain('MOUD_EVALUATION');
    expect(r.flags).toContain('MOUD_FIRST');
    expect(r.incomplete).not.toContain('withdrawal.cows');
  });

  it('fentanyl plus Xanax → OVERDOSE_RISK and naloxone (v1: no flag, no naloxone)', () => {
    const r = recommendV2({
      substances: [
        { category: 'opioid', name: 'Fentanyl', daysUsedLast30: 10 },
        { category: 'benzodiazepine', name: 'Xanax', daysUsedLast30: 3 },
      ],
    });
    expect(r.flags).toContain('OVERDOSE_RISK');
    expect(r.services).toContain('NALOXONE');
  });

  it('prescribed clonazepam 0.5 mg as directed → outpatient (v1: 3.7 / 3.7-WM)', () => {
    const r = fromFixture(prescribedClonazepam);
    expect(r.treatmentLevel).toBe('1');
    expect(r.dimensions.d5).toBe(0);
    expect(r.flags).toContain('NO_ABRUPT_STOP');
    expect(['none', '1-WM', '2-WM']).toContain(r.withdrawalManagement);
  });

  it('a 14-year-old → ADOLESCENT, and the recent suicide attempt is asked and counted', () => {
    const r = fromFixture(adolescent);
    expect(r.flags).toEqual(expect.arrayContaining(['ADOLESCENT', 'SAFETY_ASSESSMENT']));
    expect(r.dimensions.d3).toBeGreaterThanOrEqual(3);
    expect(r.services).toContain('SUICIDE_SAFETY_PLAN');
  });

  it('thoughts of harming others → HARM_TO_OTHERS and a psychiatric emergency', () => {
    const r = recommendV2({ mentalHealth: { homicidalIdeation: true } });
    expect(r.flags).toEqual(expect.arrayContaining(['EMERGENCY_PSYCHIATRIC', 'HARM_TO_OTHERS']));
    expect(r.disposition).toBe('emergency_psychiatric');
  });

  it('"not assessed" no longer counts silently as normal', () => {
    const r = recommendV2({ ...only({ category: 'alcohol', daysUsedLast30: 25 }), mentalHealth: { phq9Item9: null } });
    expect(r.incomplete).toEqual(['mentalHealth.phq9Item9', 'withdrawal.ciwaAr']);
    expect(r.flags).toContain('ASSESSMENT_INCOMPLETE');
  });

  it('pregnant, heroin daily with fentanyl and Xanax → OVERDOSE_RISK, MOUD_FIRST, PREGNANCY_PRIORITY and the level changes', () => {
    const r = fromFixture(pregnantHeroin);
    expect(r.flags).toEqual(expect.arrayContaining(['OVERDOSE_RISK', 'MOUD_FIRST', 'PREGNANCY_PRIORITY']));
    expect(r.services).toEqual(expect.arrayContaining(['NALOXONE', 'INFECTION_SCREENING', 'MOUD_EVALUATION']));
    expect(r.levelChanges.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ treatmentLevel: '3.7', withdrawalManagement: '3.7-WM' });
  });
});
