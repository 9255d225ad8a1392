import { html, type SafeHtml } from './html.js';
import type { Links } from './links.js';

/** What every page shares. */
export interface PageOptions {
  readonly title: string;
  readonly links: Links;
  /** The per-process token that write requests must carry (live server only). */
  readonly token?: string;
  /** A value for `data-page` on the body, for the client script. */
  readonly kind: 'dashboard' | 'spec' | 'new';
  /** Extra `data-*` attributes of the body. */
  readonly data?: Readonly<Record<string, string>>;
}

/** The HTML document around a page's content: one stylesheet, one small script, no framework. */
export function layout(options: PageOptions, main: SafeHtml, aside?: SafeHtml): SafeHtml {
  const { links } = options;
  const data = Object.entries(options.data ?? {}).map(([k, v]) => html` data-${k}="${v}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${options.token === undefined ? '' : html`<meta name="specfill-token" content="${options.token}">`}
<title>${options.title} · specfill</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${links.asset('style.css')}">
<script src="${links.asset('app.js')}" defer></script>
</head>
<body data-page="${options.kind}" data-live="${options.token === undefined ? 'false' : 'true'}"${data}>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="${links.home}">specfill</a>
  <nav aria-label="Site">
    <a href="${links.home}">All specs</a>
    ${links.newSpec === null ? '' : html`<a href="${links.newSpec}">New spec</a>`}
  </nav>
  <span class="live" role="status" aria-live="polite"></span>
</header>
<div class="page${aside === undefined ? '' : ' with-aside'}">
<main id="main" tabindex="-1">
${main}
</main>
${aside ?? ''}
</div>
</body>
</html>
`;
}
