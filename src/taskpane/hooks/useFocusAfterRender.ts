// Focus for a keyboard user after an action replaces the control they pressed (WCAG 2.4.3 Focus Order).
// Removing the focused element leaves focus on <body>, so the officer would Tab again from the top of the
// pane. A view asks, as it starts the action, where focus should land; once React has drawn that place,
// focus goes there. One mechanism for every view.

import { useCallback, useEffect, useRef } from "react";

/** What can take focus (a disabled control cannot). */
const FOCUSABLE =
  "button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]";

/** The first control in `container` that can take focus, or null. */
export function firstFocusable(container: Element | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/** Where focus should land: looked up after each render until it is drawn (null or undefined until then). */
export type FocusTarget = () => HTMLElement | null | undefined;

/**
 * Returns `focusAfterRender(target)`: after the next render that draws `target`, focus moves to it — unless
 * the officer has moved focus somewhere else themselves meanwhile (focus is neither where it was when asked
 * nor lost to <body>), in which case the request is dropped. The host component must re-render when the
 * target appears (it does when the target is drawn from its state or props).
 */
export function useFocusAfterRender(): (target: FocusTarget) => void {
  const pending = useRef<{ target: FocusTarget; from: Element | null } | null>(null);
  useEffect(() => {
    const request = pending.current;
    if (!request) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== request.from) {
      pending.current = null;
      return;
    }
    const el = request.target();
    if (!el) return;
    pending.current = null;
    el.focus();
  });
  return useCallback((target: FocusTarget) => {
    pending.current = { target, from: document.activeElement };
  }, []);
}
