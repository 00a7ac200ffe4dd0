import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { CheckboxField, controlAria, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';

describe('controlAria', () => {
  it('points at the hint and the errors only when they are shown', () => {
    expect(controlAria({ id: 'x' })).toEqual({ id: 'x', 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(controlAria({ id: 'x', hint: 'A hint', errors: [] })).toEqual({
      id: 'x',
      'aria-invalid': undefined,
      'aria-describedby': 'x-hint',
    });
    expect(controlAria({ id: 'x', hint: 'A hint', errors: ['Wrong'] })).toEqual({
      id: 'x',
      'aria-invalid': true,
      'aria-describedby': 'x-hint x-error',
    });
  });

  it('uses the region ids it is given', () => {
    expect(
      controlAria({ id: 'field-a', hint: 'h', hintId: 'hint-field-a', errors: ['Wrong'], errorId: 'error-a' })[
        'aria-describedby'
      ],
    ).toBe('hint-field-a error-a');
  });
});

describe('TextField', () => {
  it('labels the input and ties it to its hint and to an error region that always exists', () => {
    const idle = renderToStaticMarkup(
      createElement(TextField, { id: 'email', name: 'email', label: 'Email', hint: 'Work address' }),
    );
    expect(idle).toContain('<label for="email"');
    expect(idle).toContain('id="email-hint"');
    expect(idle).toMatch(/<input id="email" aria-describedby="email-hint"/);
    expect(idle).toContain('<div id="email-error" aria-live="polite"');

    const wrong = renderToStaticMarkup(
      createElement(TextField, { id: 'email', name: 'email', label: 'Email', errors: ['Enter an email address.'] }),
    );
    expect(wrong).toMatch(/<input id="email" aria-invalid="true" aria-describedby="email-error"/);
    expect(wrong).toContain('Enter an email address.');
  });

  it('lets the caller override the computed attributes', () => {
    const html = renderToStaticMarkup(
      createElement(TextField, { id: 'password', label: 'Password', 'aria-describedby': 'signin-error' }),
    );
    expect(html).toContain('aria-describedby="signin-error"');
  });
});

describe('CheckboxField', () => {
  it('has an error region only when it can be wrong', () => {
    expect(renderToStaticMarkup(createElement(CheckboxField, { id: 'primary', label: 'Primary' }))).not.toContain(
      'primary-error',
    );
    expect(
      renderToStaticMarkup(createElement(CheckboxField, { id: 'ok', label: 'Confirm', errors: ['Tick it'] })),
    ).toMatch(/aria-invalid="true" aria-describedby="ok-error"[\s\S]*id="ok-error"/);
  });
});

describe('FormAlert', () => {
  it('is an empty live region until there is a message, then a status or an alert', () => {
    expect(renderToStaticMarkup(createElement(FormAlert, { status: 'idle', id: 'a' }))).toBe(
      '<div id="a" aria-live="polite" class="outline-none"></div>',
    );
    expect(renderToStaticMarkup(createElement(FormAlert, { status: 'success', message: 'Saved.' }))).toMatch(
      /role="status"[^>]*>Saved\.</,
    );
    expect(renderToStaticMarkup(createElement(FormAlert, { status: 'error', message: 'Not saved.' }))).toMatch(
      /role="alert"[^>]*>Not saved\.</,
    );
  });
});
