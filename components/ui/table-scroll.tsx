"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * The horizontal scroller around a table. When the table is wider than its card (a phone), it
 * becomes a named, focusable region so keyboard users can scroll it too; otherwise it stays out
 * of the tab order.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="-mx-1 overflow-x-auto px-1 pb-1"
      data-table-scroll=""
      {...(overflowing ? { role: "region", "aria-labelledby": labelledBy, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
