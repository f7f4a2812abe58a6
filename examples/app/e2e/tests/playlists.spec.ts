import { expect, test } from '@playwright/test';

// Each run gets its own names: the backend's data volume may outlive a run (deploy-staging).
const unique = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

test('the page loads the playlists from the backend', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Playlists' })).toBeVisible();
  // "Loading playlists…" is replaced by the backend's answer; an unreachable backend says "Could not load".
  const status = page.getByTestId('list-status');
  await expect(status).not.toHaveText(/Loading playlists/);
  await expect(status).not.toHaveText(/Could not load/);
});

test('creates a playlist through the form and sees it listed', async ({ page }) => {
  const name = `Road trip ${unique}`;
  await page.goto('/');
  await page.getByLabel('Playlist name').fill(name);
  await page.getByLabel('Tracks (one per line)').fill('Intro\nMiddle\nOutro');
  const created = page.waitForResponse(
    (res) => new URL(res.url()).pathname === '/api/playlists' && res.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Create playlist' }).click();
  // Browser → frontend → backend over the stack network: the frontend proxies /api to the backend.
  expect((await created).status()).toBe(201);

  const item = page.getByTestId('playlist-item').filter({ hasText: name });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('3 tracks');
  await expect(page.getByLabel('Playlist name')).toHaveValue('');

  // Stored by the backend, not only rendered: a fresh page load lists it again.
  await page.reload();
  await expect(page.getByTestId('playlist-item').filter({ hasText: name })).toContainText('3 tracks');
});

test('shows the validation message for an empty name and sends nothing', async ({ page }) => {
  let posted = false;
  page.on('request', (req) => {
    if (req.method() === 'POST') posted = true;
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Create playlist' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please enter a playlist name.');
  await expect(page.getByLabel('Playlist name')).toBeFocused();
  expect(posted).toBe(false);
});
