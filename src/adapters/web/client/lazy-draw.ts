/**
 * A view drawn only when it is on screen or near it: the VNet map of a 1,000-subnet plan costs hundreds of
 * milliseconds to build and draw, so an edit made while it is scrolled away (the form, the chart) does not pay
 * for it. `request()` draws at once when the view is near the viewport (within `margin`), else marks it to be
 * drawn when it comes near (IntersectionObserver). While a draw is owed the view keeps what it showed (no layout
 * shift) and its element says `data-drawn="false"`; `"true"` once drawn for the current request. Until the
 * observer first reports (the page's first draw) the view's box is measured instead, so a view on screen at load
 * is drawn with the rest (no shift after the first paint). Without IntersectionObserver every request draws.
 */
export interface LazyDraw {
  /** The inputs changed: draw now if near the viewport, else when the view comes near. */
  request(): void;
}

/** `marked`: the element that carries `data-drawn` (a function: the element may change with each draw). */
export function lazyDraw(
  watched: HTMLElement,
  marked: HTMLElement | (() => HTMLElement),
  draw: () => void,
  margin = 1000,
): LazyDraw {
  const mark = (drawn: boolean) =>
    ((typeof marked === "function" ? marked() : marked).dataset["drawn"] = String(drawn));
  let near = false;
  let known = false;
  let owed = false;
  const measured = () => {
    const box = watched.getBoundingClientRect();
    return box.bottom >= -margin && box.top <= window.innerHeight + margin;
  };
  const run = () => {
    owed = false;
    draw();
    mark(true);
  };
  const observer =
    typeof IntersectionObserver === "undefined"
      ? undefined
      : new IntersectionObserver(
          (entries) => {
            const last = entries[entries.length - 1];
            if (last) near = last.isIntersecting;
            known = true;
            if (near && owed) run();
          },
          { rootMargin: `${margin}px 0px` },
        );
  observer?.observe(watched);
  return {
    request() {
      if (!known) near = measured();
      if (near || !observer) return run();
      owed = true;
      mark(false);
    },
  };
}
