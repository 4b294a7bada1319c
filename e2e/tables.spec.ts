import { expect, test } from "@playwright/test";
import { createActiveConnection, genericJob, postGenericEvent } from "./support/ats";
import { expectAccessible } from "./support/axe";
import { expectColumnsApart, expectNoPageScroll, expectScrollsInsideCard } from "./support/layout";
import { signInAs } from "./support/session";

test("the jobs table keeps its columns apart, sorts through the URL and scrolls inside its card on a phone", async ({
  page,
  request,
}) => {
  await signInAs(page, "owner");
  const connection = await createActiveConnection(page, "Table test");
  await postGenericEvent(request, connection, genericJob("TBL-1", { title: "Autonomy Engineer (Table test)" }));
  await postGenericEvent(
    request,
    connection,
    genericJob("TBL-2", { title: "Battery Systems Lead (Table test)", location: { city: "Munich", country: "DE" } }),
  );

  await page.goto("/jobs");
  const table = page.getByRole("table", { name: "Jobs" });
  await expect(table.getByRole("columnheader", { name: "Updated" })).toHaveAttribute("aria-sort", "descending");
  await expectColumnsApart(table);
  await expectAccessible(page);

  await table.getByRole("link", { name: "Job" }).click();
  await expect(page).toHaveURL(/\/jobs\?sort=title&dir=asc$/);
  await expect(table.getByRole("columnheader", { name: "Job" })).toHaveAttribute("aria-sort", "ascending");
  const titles = await table.getByRole("rowheader").getByRole("link").allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  expect(titles.indexOf("Autonomy Engineer (Table test)")).toBeLessThan(
    titles.indexOf("Battery Systems Lead (Table test)"),
  );
  await table.getByRole("link", { name: "Job" }).click();
  await expect(page).toHaveURL(/\/jobs\?sort=title&dir=desc$/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/jobs");
  await expectNoPageScroll(page);
  await expectScrollsInsideCard(table);
  await expectAccessible(page);
});

test("an empty table says what to do instead of showing bare headers", async ({ page }) => {
  await signInAs(page, "owner");
  await page.goto("/jobs?status=removed");
  await expect(page.getByText("No jobs with this status.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
