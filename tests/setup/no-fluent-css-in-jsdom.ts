// Component tests run in jsdom, which lays nothing out. Fluent UI inserts thousands of atomic CSS rules
// into the page, and jsdom's getComputedStyle, which Testing Library's role queries call for every element
// they look at, matches every one of those rules against the element, again and again: that was most of
// the component tests' time. Here only the rules that show or hide an element (display, visibility) are
// kept, so what is hidden from assistive technology stays hidden (a tab's label drawn twice, once hidden,
// for its bold width); colours, spacing and the rest are dropped. What the CSS does (contrast, focus rings,
// layout at 320 px, both themes) is checked where there is a real browser: tests/e2e, in Chromium, with axe.
const SHOWS_OR_HIDES = /(?:^|[{;])\s*(?:display|visibility)\s*:/;

if (typeof CSSStyleSheet !== "undefined") {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function insertShowingOrHidingRule(
    this: CSSStyleSheet,
    rule: string,
    index?: number,
  ): number {
    return SHOWS_OR_HIDES.test(rule)
      ? insertRule.call(this, rule, Math.min(index ?? 0, this.cssRules.length))
      : 0;
  };
}
