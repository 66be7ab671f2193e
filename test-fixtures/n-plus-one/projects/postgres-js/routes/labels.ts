// valid
// A tag of another library, written per item, is no query.
import { html } from 'lit';

export const labels = (names: string[]) => names.map((name) => html`<b>${name}</b>`);
