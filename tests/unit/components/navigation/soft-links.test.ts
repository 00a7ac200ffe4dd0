import { describe, expect, it } from 'vitest';

import { softNavigationHref, type ClickedLink, type LinkClick } from '@/components/navigation/soft-links';

const plainClick: LinkClick = {
  defaultPrevented: false,
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
};
const caseLink: ClickedLink = { href: '/cases/abc', target: '', download: false };

describe('softNavigationHref (plain links that navigate like next/link)', () => {
  it('follows a plain left click on an app link inside the app', () => {
    expect(softNavigationHref(plainClick, caseLink)).toBe('/cases/abc');
  });

  it('leaves clicks that are not on a link alone', () => {
    expect(softNavigationHref(plainClick, null)).toBeNull();
  });

  it('leaves new-tab and new-window clicks to the browser (modifier keys, other buttons)', () => {
    for (const key of ['metaKey', 'ctrlKey', 'shiftKey', 'altKey'] as const)
      expect(softNavigationHref({ ...plainClick, [key]: true }, caseLink)).toBeNull();
    expect(softNavigationHref({ ...plainClick, button: 1 }, caseLink)).toBeNull();
  });

  it('leaves a click another handler already took', () => {
    expect(softNavigationHref({ ...plainClick, defaultPrevented: true }, caseLink)).toBeNull();
  });

  it('leaves links that leave the app, open elsewhere or download', () => {
    expect(softNavigationHref(plainClick, { ...caseLink, href: 'https://example.org/' })).toBeNull();
    expect(softNavigationHref(plainClick, { ...caseLink, href: '//example.org/x' })).toBeNull();
    expect(softNavigationHref(plainClick, { ...caseLink, href: null })).toBeNull();
    expect(softNavigationHref(plainClick, { ...caseLink, target: '_blank' })).toBeNull();
    expect(softNavigationHref(plainClick, { ...caseLink, href: '/cases/export.csv', download: true })).toBeNull();
  });
});
