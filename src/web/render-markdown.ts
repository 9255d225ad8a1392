import MarkdownIt from 'markdown-it';

// Raw HTML is never passed through: with `html: false` markdown-it escapes
// every tag, so a spec cannot bring script, event handlers, iframes or
// styles into a page; its link check refuses javascript:, vbscript:, file:
// and non-image data: URLs. Tables and strikethrough as on GitHub.
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href');
  const rewrite = (env as RenderOptions | undefined)?.relativeLink;
  // On the static site a spec is a page of its own: links between specs follow.
  if (rewrite !== undefined && typeof href === 'string' && !/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) {
    token.attrSet('href', rewrite(href));
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Options of {@link renderMarkdown}. */
export interface RenderOptions {
  /** Rewrites relative links (no scheme, not `#…`): on the static site, links to other specs become links to their pages. */
  readonly relativeLink?: (href: string) => string;
}

/** Markdown as sanitized HTML: nothing in the output can run. */
export function renderMarkdown(text: string, options: RenderOptions = {}): string {
  return md.render(text, { ...options });
}
