'use client';

import type { KeyboardEvent } from 'react';

import { instrumentProgress } from '@/lib/intake/form/instrument-progress';
import { getFormValue } from '@/lib/intake/form/paths';
import { fieldDomId } from '@/lib/intake/form/sections';
import type { ItemizedInstrumentValues, TotalInstrumentValues } from '@/lib/intake/form/values';
import { scoreTotal, type ItemizedInstrument, type TotalOnlyInstrument } from '@/lib/instruments';

import type { ChoiceOption } from '@/components/forms/field';

import { ChoiceField, FieldProblems, TextField } from './fields';
import { digitAnswerRange, optionForKey } from './instrument-keys';
import { useIntakeFields } from './form-context';

// Rating instruments: first a decision (not assessed, or assess), then the published items with
// their anchors. The running total and band are shown as staff answer; the server sums again.

function statusOptions(assessLabel: string): ChoiceOption[] {
  return [
    { value: 'not_assessed', label: 'Not assessed' },
    { value: 'assessed', label: assessLabel },
  ];
}

function itemOptions(instrument: ItemizedInstrument, itemIndex: number): ChoiceOption[] {
  const item = instrument.items[itemIndex];
  if (!item) return [];
  return item.options.map((option) => ({
    value: String(option.value),
    label: option.anchor ? `${option.value} — ${option.anchor}` : String(option.value),
  }));
}

/** Focus on the next item's radios (the chosen one, else the first), or past the last item. */
function focusAfterItem(fieldset: HTMLElement | null, nextItemDomId: string | null): void {
  const next = nextItemDomId ? document.getElementById(nextItemDomId) : null;
  const radio =
    next?.querySelector<HTMLInputElement>('input:checked') ?? next?.querySelector<HTMLInputElement>('input');
  if (radio) {
    radio.focus();
    return;
  }
  if (!fieldset) return;
  // The last item: the next control after it in page order.
  const controls = document.querySelectorAll<HTMLElement>('input, textarea, select, button, a[href]');
  for (const control of controls) {
    if (fieldset.contains(control) || control.matches(':disabled')) continue;
    if (fieldset.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING) {
      control.focus();
      return;
    }
  }
}

/** The instrument's name and the "was it done?" question that opens its answers. */
function InstrumentHeading({
  path,
  headingId,
  instrument,
  assessedLabel,
}: {
  path: string;
  headingId: string;
  instrument: { name: string; fullName: string };
  assessedLabel: string;
}) {
  return (
    <>
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {instrument.name} <span className="text-base font-normal text-slate-700">— {instrument.fullName}</span>
      </h3>
      <div className="mt-2">
        <ChoiceField
          path={`${path}.status`}
          legend={`Was the ${instrument.name} done?`}
          options={statusOptions(assessedLabel)}
        />
      </div>
    </>
  );
}

export function ItemizedInstrumentField({ path, instrument }: { path: string; instrument: ItemizedInstrument }) {
  const { values, errorsFor, setValue, disabled } = useIntakeFields();
  const digits = digitAnswerRange(instrument);
  const itemPath = (itemId: string) => `${path}.items.${itemId}`;
  const answerByDigit = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (!digits || disabled || event.altKey || event.ctrlKey || event.metaKey) return;
    const item = instrument.items[index];
    const option = optionForKey(item, event.key);
    if (!item || !option) return;
    event.preventDefault();
    setValue(itemPath(item.id), option.value);
    const nextItem = instrument.items[index + 1];
    focusAfterItem(
      document.getElementById(fieldDomId(itemPath(item.id))),
      nextItem ? fieldDomId(itemPath(nextItem.id)) : null,
    );
  };
  const current = getFormValue(values, path) as ItemizedInstrumentValues | undefined;
  const progress = instrumentProgress(instrument, current?.items ?? {});
  const headingId = `${fieldDomId(path)}-heading`;
  const totalId = `${fieldDomId(path)}-total`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4">
      <InstrumentHeading
        path={path}
        headingId={headingId}
        instrument={instrument}
        assessedLabel="Assess item by item"
      />
      {current?.status === 'assessed' ? (
        <div className="mt-4 space-y-4">
          {instrument.stem ? <p className="text-slate-800">{instrument.stem}</p> : null}
          {digits ? (
            <p className="text-sm text-slate-700">
              By keyboard: on an item, type its number ({digits.min}–{digits.max}) to answer it and go on to the next
              item. Arrow keys and the mouse work too.
            </p>
          ) : null}
          <ol className="space-y-4">
            {instrument.items.map((item, index) => (
              <li key={item.id} className="border-t border-slate-200 pt-3">
                <ChoiceField
                  path={itemPath(item.id)}
                  onKeyDown={answerByDigit(index)}
                  legend={`${item.number}. ${item.label}`}
                  hint={item.instructions}
                  options={itemOptions(instrument, index)}
                  layout={item.options.length > 5 ? 'column' : 'row'}
                  toValue={(option) => Number(option.value)}
                  isChecked={(option, answer) => answer === Number(option.value)}
                />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <p id={totalId} aria-live="polite" className="mt-3 font-medium text-slate-900">
        {current?.status === 'assessed'
          ? progress.band
            ? `${instrument.name} total ${progress.total} of ${instrument.maxTotal} — ${progress.band.label}`
            : `${instrument.name} so far: ${progress.total} (${progress.answered} of ${progress.itemCount} items answered)`
          : current?.status === 'not_assessed'
            ? `${instrument.name}: not assessed`
            : null}
      </p>
      <FieldProblems path={path} errors={errorsFor(path)} />
      <p className="mt-1 text-xs text-slate-600">Source: {instrument.source}</p>
    </section>
  );
}

export function TotalInstrumentField({ path, instrument }: { path: string; instrument: TotalOnlyInstrument }) {
  const { values, errorsFor } = useIntakeFields();
  const current = getFormValue(values, path) as TotalInstrumentValues | undefined;
  const headingId = `${fieldDomId(path)}-heading`;
  const typed = current?.total.trim() ?? '';
  const scored = typed === '' ? null : scoreTotal(instrument, Number(typed));
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4">
      <InstrumentHeading path={path} headingId={headingId} instrument={instrument} assessedLabel="Enter the total" />
      {current?.status === 'assessed' ? (
        <div className="mt-3">
          <TextField
            path={`${path}.total`}
            label={`${instrument.name} total`}
            hint={`A whole number from 0 to ${instrument.maxTotal}`}
            inputMode="numeric"
            width="short"
          />
        </div>
      ) : null}
      <p aria-live="polite" className="mt-3 font-medium text-slate-900">
        {current?.status === 'assessed' && scored?.ok
          ? `${instrument.name} total ${scored.score.total} of ${instrument.maxTotal} — ${scored.score.band.label}`
          : null}
        {current?.status === 'not_assessed' ? `${instrument.name}: not assessed` : null}
      </p>
      <FieldProblems path={path} errors={errorsFor(path)} />
      <p className="mt-1 text-xs text-slate-600">Source: {instrument.source}</p>
    </section>
  );
}
