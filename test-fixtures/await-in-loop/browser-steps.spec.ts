// valid: browser test steps drive one page in order
import { expect, test, type Page } from '@playwright/test';

const pages = ['/', '/pricing', '/docs', '/blog', '/about', '/careers'];

test('every page has a title', async ({ page }) => {
  for (const path of pages) {
    await page.goto(path);
    await expect(page).toHaveTitle(/Acme/);
  }
});

test('fills the form', async ({ page }) => {
  const fields: Record<string, string> = { name: 'Ada', email: 'ada@example.com', company: 'Analytical Engines' };
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Send' }).click();
});

test('every row can be expanded', async ({ page }) => {
  const rows = page.locator('tr.expandable');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click();
    await expect(rows.nth(i).locator('.details')).toBeVisible();
  }
});

export async function typeSlowly(page: Page, text: string): Promise<void> {
  for (const character of text) {
    await page.keyboard.press(character);
  }
}

export async function checkLinks(page: Page): Promise<void> {
  const links = await page.locator('a').all();
  for (const link of links) {
    expect(await link.getAttribute('href')).toBeTruthy();
  }
}
