// A list whose cost is what is on screen: optionally only its first rows until "Show all 7,412", and past a
// few dozen rows only the rows in (and near) the page's window are in the DOM, the rest stood in for by space.
// Every row still says where it is (aria-posinset / aria-setsize), and a focused row is never taken away.

import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { countText, rowOffsets, rowsInView, rowsToDraw, type RowRange } from "../windowing";
import { visuallyHidden } from "../styles";
import { firstFocusable } from "../hooks/useFocusAfterRender";

/** Up to this many rows are simply drawn; longer lists draw only the rows near the window. */
export const WINDOW_FROM = 40;
/** Rows drawn beyond each edge of the window, so arrow keys and short scrolls find their row there. */
const OVERSCAN_ROWS = 8;
/** Rows kept drawn each side of the focused row, so Tab and Shift+Tab find the next and previous row. */
const KEEP_AROUND = 1;

const useStyles = makeStyles({
  toggle: { alignSelf: "flex-start", marginTop: tokens.spacingVerticalXS },
  srOnly: visuallyHidden,
});

export interface LongListProps<T> {
  items: readonly T[];
  /** A stable key per item (React's key, and the row's remembered height). */
  itemKey(item: T): string;
  /** What goes inside the row's <li>. */
  renderItem(item: T, index: number): React.ReactNode;
  /** The row's height before it has been drawn, px; measured heights replace it. */
  estimatedRowHeight: number;
  /** Show only this many rows until "Show all n" is pressed; omit to show every row. */
  collapsedRows?: number;
  /** Said after "Show all 7,412" to screen readers, so each such button names its list ("risk/x findings"). */
  toggleContext?: string;
  id?: string;
  className?: string;
  itemClassName?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}

/** The list, and its "Show all" / "Show the first n only" button when it has one. */
export function LongList<T>({
  items,
  itemKey,
  renderItem,
  estimatedRowHeight,
  collapsedRows,
  toggleContext,
  id,
  className,
  itemClassName,
  ...aria
}: LongListProps<T>): React.JSX.Element {
  const s = useStyles();
  const generatedId = React.useId();
  const listId = id ?? `long-list${generatedId.replace(/:/g, "")}`;
  // Hiding one or two rows behind a button saves nothing: collapse only when it hides more.
  const collapsible = collapsedRows !== undefined && items.length > collapsedRows + 2;
  const [expanded, setExpanded] = React.useState(false);
  const shown = collapsible && !expanded ? collapsedRows : items.length;
  const windowed = shown > WINDOW_FROM;

  const listRef = React.useRef<HTMLUListElement>(null);
  const toggleRef = React.useRef<HTMLButtonElement>(null);
  // Measured heights by item key: they outlive a filter or a re-check that keeps the row.
  const heights = React.useRef(new Map<string, number>());
  const [measured, setMeasured] = React.useState(0);
  const [range, setRange] = React.useState<RowRange>({ start: 0, end: Math.min(shown, WINDOW_FROM) });
  // The row holding focus stays drawn wherever the window goes; a ref, so moving focus costs no render.
  const focusRow = React.useRef<number | null>(null);
  // The first row "Show all" revealed, to be focused once drawn.
  const revealRow = React.useRef<number | null>(null);

  const offsets = React.useMemo(
    () =>
      windowed
        ? rowOffsets(shown, (i) => heights.current.get(itemKey(items[i])) ?? estimatedRowHeight)
        : null,
    // `measured` counts height changes: the offsets follow them.
    [windowed, shown, items, itemKey, estimatedRowHeight, measured],
  );

  const follow = React.useCallback(() => {
    const list = listRef.current;
    if (!list || !offsets) return;
    const top = -list.getBoundingClientRect().top;
    const viewport = window.innerHeight || document.documentElement.clientHeight;
    const next = rowsInView(offsets, top, top + viewport, OVERSCAN_ROWS);
    setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
  }, [offsets]);

  // Before paint: the window for the current layout (first draw, new heights, a filter, "Show all").
  React.useLayoutEffect(follow, [follow]);

  React.useEffect(() => {
    if (!windowed) return;
    const list = listRef.current;
    window.addEventListener("scroll", follow, { passive: true, capture: true });
    window.addEventListener("resize", follow);
    // A hidden view shown again, or the pane made wider, changes the list's size without a scroll.
    const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(follow);
    if (list) resized?.observe(list);
    return () => {
      window.removeEventListener("scroll", follow, { capture: true });
      window.removeEventListener("resize", follow);
      resized?.disconnect();
    };
  }, [windowed, follow]);

  // After each draw: remember the drawn rows' real heights (a hidden list measures 0 and is skipped).
  React.useLayoutEffect(() => {
    const list = listRef.current;
    if (!windowed || !list) return;
    let changed = false;
    // A flex list's row gap is part of each row's share of the list's height.
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    for (const li of Array.from(list.children) as HTMLElement[]) {
      const key = li.dataset.key;
      const h = li.getBoundingClientRect().height + gap;
      if (key === undefined || h <= gap) continue;
      if (Math.abs((heights.current.get(key) ?? -1) - h) > 0.5) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
  });

  // Focus the first revealed row once it is drawn.
  React.useEffect(() => {
    const row = revealRow.current;
    if (row === null) return;
    revealRow.current = null;
    firstFocusable(listRef.current?.querySelector(`li[data-row="${row}"]`))?.focus();
  });

  const onFocus = React.useCallback(
    (e: React.FocusEvent) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>("li[data-row]");
      const row = li && listRef.current?.contains(li) ? Number(li.dataset.row) : null;
      focusRow.current = row;
      if (row === null) return;
      // Keys can come faster than scroll events: draw the rows next to focus now (React renders a focus
      // event's update before the next key), so the next arrow key finds its row in this list, never the
      // next group's. The scroll that follows narrows the window again. A row far from the window (Tab
      // from a row the page scrolled away from) gets its own band: joining the two would draw every row
      // between them.
      setRange((r) => {
        const near = {
          start: Math.max(0, row - OVERSCAN_ROWS),
          end: Math.min(shown, row + OVERSCAN_ROWS + 1),
        };
        const joined = near.start <= r.end && near.end >= r.start;
        const start = joined ? Math.min(r.start, near.start) : near.start;
        const end = joined ? Math.max(r.end, near.end) : near.end;
        return start === r.start && end === r.end ? r : { start, end };
      });
    },
    [shown],
  );
  const onBlur = React.useCallback((e: React.FocusEvent) => {
    if (!listRef.current?.contains(e.relatedTarget as Node | null)) focusRow.current = null;
  }, []);

  const onToggle = React.useCallback(() => {
    if (!expanded && collapsedRows !== undefined) {
      revealRow.current = collapsedRows;
      setExpanded(true);
    } else {
      setExpanded(false);
      // The list shrinks under the button: keep the button (which keeps focus) in view.
      setTimeout(() => toggleRef.current?.scrollIntoView?.({ block: "nearest" }), 0);
    }
  }, [expanded, collapsedRows]);

  const keep = revealRow.current ?? focusRow.current;
  const rows = offsets
    ? rowsToDraw(range, keep, shown, KEEP_AROUND)
    : Array.from({ length: shown }, (_, i) => i);
  let drawnTo = 0;
  const lis = rows.map((i, n) => {
    const item = items[i];
    const key = itemKey(item);
    // Space for rows not drawn: above the first drawn row as padding, between drawn rows as a margin.
    const gap = offsets && n > 0 ? offsets[i] - offsets[drawnTo] : 0;
    drawnTo = i + 1;
    return (
      <li
        key={key}
        data-key={key}
        data-row={i}
        className={itemClassName}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={gap > 0 ? { marginTop: `${gap}px` } : undefined}
      >
        {renderItem(item, i)}
      </li>
    );
  });
  const space = offsets
    ? {
        paddingTop: `${rows.length ? offsets[rows[0]] : 0}px`,
        paddingBottom: `${offsets[shown] - offsets[drawnTo]}px`,
      }
    : undefined;

  return (
    <>
      <ul
        ref={listRef}
        id={listId}
        className={className}
        style={space}
        onFocus={windowed ? onFocus : undefined}
        onBlur={windowed ? onBlur : undefined}
        {...aria}
      >
        {lis}
      </ul>
      {collapsible ? (
        <Button
          ref={toggleRef}
          className={s.toggle}
          size="small"
          appearance="secondary"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={onToggle}
        >
          {expanded ? `Show the first ${collapsedRows} only` : `Show all ${countText(items.length)}`}
          {toggleContext ? <span className={s.srOnly}> {toggleContext}</span> : null}
        </Button>
      ) : null}
    </>
  );
}
