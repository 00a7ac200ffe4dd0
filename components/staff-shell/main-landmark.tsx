'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** True below the staff layout, whose `<main>` already is the page's one main landmark. */
const InsideMain = createContext(false);

/** Wraps the staff layout's `<main>` content so pages rendered inside it know. */
export function InsideMainLandmark({ children }: { children: ReactNode }) {
  return <InsideMain.Provider value={true}>{children}</InsideMain.Provider>;
}

/**
 * The main landmark of a page that can render both inside and outside the staff layout (the
 * 403 page): a `<main>` on its own, a plain `<div>` inside the layout's `<main>` — never two.
 */
export function MainLandmark({ className, children }: { className?: string; children: ReactNode }) {
  const inside = useContext(InsideMain);
  return inside ? <div className={className}>{children}</div> : <main className={className}>{children}</main>;
}
