import './style.css';
import { createPlaylist, listPlaylists } from './api.js';
import { validateForm } from './form.js';
import type { Playlist } from './types.js';
import { listStatus, sortPlaylists, trackCountLabel } from './view.js';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`index.html is missing #${id}`);
  return el;
}

const form = element('create-form', HTMLFormElement);
const nameInput = element('playlist-name', HTMLInputElement);
const tracksInput = element('playlist-tracks', HTMLTextAreaElement);
const submit = form.querySelector('button[type="submit"]');
const formError = element('form-error', HTMLParagraphElement);
const status = element('list-status', HTMLParagraphElement);
const list = element('playlists', HTMLUListElement);
const boundFetch = window.fetch.bind(window);

function showError(message: string | undefined): void {
  formError.textContent = message ?? '';
  formError.hidden = message === undefined;
  nameInput.setAttribute('aria-invalid', String(message !== undefined));
}

function render(playlists: Playlist[]): void {
  // textContent only: playlist names are user input and must never be parsed as HTML.
  const items = sortPlaylists(playlists).map((p) => {
    const li = document.createElement('li');
    li.dataset.testid = 'playlist-item';
    li.dataset.playlistId = p.id;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = p.name;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = trackCountLabel(p.tracks.length);
    li.append(name, count);
    return li;
  });
  list.replaceChildren(...items);
  status.textContent = listStatus(playlists);
}

async function refresh(): Promise<void> {
  try {
    render(await listPlaylists(boundFetch));
  } catch (err) {
    status.textContent = `Could not load playlists: ${err instanceof Error ? err.message : String(err)}`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const result = validateForm(nameInput.value, tracksInput.value);
  if (!result.ok) {
    showError(result.error);
    nameInput.focus();
    return;
  }
  showError(undefined);
  if (submit instanceof HTMLButtonElement) submit.disabled = true;
  form.setAttribute('aria-busy', 'true');
  createPlaylist(boundFetch, result.value)
    .then(async () => {
      form.reset();
      await refresh();
      nameInput.focus();
    })
    .catch((err: unknown) => showError(err instanceof Error ? err.message : String(err)))
    .finally(() => {
      if (submit instanceof HTMLButtonElement) submit.disabled = false;
      form.removeAttribute('aria-busy');
    });
});

void refresh();
