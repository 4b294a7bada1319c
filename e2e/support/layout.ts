// Layout checks a recruiter would make by eye: nothing overflows the page, table columns keep apart.
import { expect, type Locator, type Page } from "@playwright/test";

/** The page itself never scrolls sideways (a wide table scrolls inside its card instead). */
export async function expectNoPageScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "page wider than the viewport").toBeLessThanOrEqual(0);
}

/** In every row, each cell's text ends at least `gap` px before the next cell's text starts. */
export async function expectColumnsApart(table: Locator, gap = 8) {
  const collisions = await table.evaluate((element, minGap) => {
    const found: string[] = [];
    const textBox = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (rects.length === 0) return null;
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
    };
    for (const row of element.querySelectorAll("tr")) {
      const boxes = [...row.children].map((cell) => ({ cell, box: textBox(cell) }));
      for (let i = 0; i + 1 < boxes.length; i += 1) {
        const a = boxes[i];
        const b = boxes[i + 1];
        if (!a?.box || !b?.box) continue;
        if (b.box.left - a.box.right < minGap) found.push(`"${a.cell.textContent}" | "${b.cell.textContent}"`);
      }
    }
    return found;
  }, gap);
  expect(collisions, "cells whose text runs together").toEqual([]);
}

/** The table is wider than its scroll area, which scrolls while the page stays put. */
export async function expectScrollsInsideCard(table: Locator) {
  const scroller = table.locator("xpath=ancestor::*[@data-table-scroll][1]");
  const widths = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  await expect(scroller).toHaveAttribute("tabindex", "0");
  await expect(scroller).toHaveAttribute("role", "region");
  await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
}
