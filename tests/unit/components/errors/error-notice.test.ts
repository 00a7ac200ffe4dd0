import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import StaffError from '@/app/(staff)/error';
import PageError from '@/app/error';
import GlobalError from '@/app/global-error';
import { ErrorNotice } from '@/components/errors/error-notice';

// The error pages (docs/conventions.md, "Errors that reach a page"): each shows the one notice,
// which names the request id to quote. The id is read from the proxy's cookie in the browser; on
// the server (as here) there is no document, so the notice says "unknown" until it mounts.
const error = Object.assign(new Error('the message is never shown'), { digest: 'digest-123' });
const reset = () => {};

describe('ErrorNotice', () => {
  it('says nothing was saved and gives the request id and the digest, never the message', () => {
    const html = renderToStaticMarkup(createElement(ErrorNotice, { digest: 'digest-123', reset }));
    expect(html).toContain('This page could not be shown');
    expect(html).toContain('Nothing was saved by this error');
    expect(html).toMatch(/data-testid="error-request-id"[^>]*>Request <span[^>]*>unknown<\/span>/);
    expect(html).toContain('digest-123');
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
  });

  it('offers no "Try again" without a reset', () => {
    expect(renderToStaticMarkup(createElement(ErrorNotice, {}))).not.toContain('<button');
  });
});

describe('the error pages', () => {
  it.each([
    ['app/(staff)/error.tsx', StaffError],
    ['app/error.tsx', PageError],
    ['app/global-error.tsx', GlobalError],
  ])('%s shows the notice with the request id', (_file, Page) => {
    const html = renderToStaticMarkup(createElement(Page, { error, reset }));
    expect(html).toContain('data-testid="error-request-id"');
    expect(html).toContain('digest-123');
    expect(html).not.toContain('the message is never shown');
  });
});
