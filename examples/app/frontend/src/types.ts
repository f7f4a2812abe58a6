/** A playlist as the backend returns it. */
export interface Playlist {
  id: string;
  name: string;
  tracks: string[];
  createdAt: string;
}

/** What the form sends to `POST /api/playlists`. */
export interface PlaylistInput {
  name: string;
  tracks: string[];
}
