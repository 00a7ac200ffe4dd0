'use client';

import {
  EMPLOYMENT_STATUSES,
  EMPLOYMENT_STATUS_LABELS,
  HOUSING_STATUSES,
  HOUSING_STATUS_LABELS,
  LEGAL_STATUSES,
  LEGAL_STATUS_LABELS,
  SUPPORT_SYSTEMS,
  SUPPORT_SYSTEM_LABELS,
} from '@/lib/intake';

import { ChoiceField, TextAreaField, YesNoField, optionsFrom } from './fields';

export function EnvironmentSection() {
  return (
    <div className="space-y-5">
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Living environment</legend>
        <ChoiceField
          path="environment.housing"
          legend="Housing"
          options={optionsFrom(HOUSING_STATUSES, HOUSING_STATUS_LABELS)}
        />
        <YesNoField path="environment.livesAlone" legend="Lives alone? (optional)" />
        <YesNoField path="environment.livesWithActiveUser" legend="Lives with someone who actively uses?" />
        <ChoiceField
          path="environment.supportSystem"
          legend="Support system"
          options={optionsFrom(SUPPORT_SYSTEMS, SUPPORT_SYSTEM_LABELS)}
        />
        <YesNoField
          path="environment.interpersonalSafetyConcern"
          legend="Interpersonal safety concern (for example violence at home)?"
        />
        <YesNoField
          path="environment.ambulatoryWithdrawalSupport"
          legend="Support for withdrawal at home?"
          hint="A safe place to stay and someone who can check on the patient every day during withdrawal."
        />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Social needs</legend>
        <ChoiceField
          path="socialNeeds.employment"
          legend="Employment"
          options={optionsFrom(EMPLOYMENT_STATUSES, EMPLOYMENT_STATUS_LABELS)}
        />
        <YesNoField path="socialNeeds.financialStrain" legend="Financial strain?" />
        <ChoiceField
          path="socialNeeds.legal"
          legend="Legal situation"
          options={optionsFrom(LEGAL_STATUSES, LEGAL_STATUS_LABELS)}
        />
        <YesNoField path="socialNeeds.transportationBarrier" legend="Transportation barrier?" />
        <YesNoField path="socialNeeds.foodInsecurity" legend="Food insecurity?" />
      </fieldset>
      <TextAreaField path="notes.social" label="Social and environment notes (optional)" />
    </div>
  );
}
