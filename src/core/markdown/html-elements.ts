/**
 * The names of HTML's elements, lower case: a tag of one of them is HTML a
 * page renders; a tag of any other name (`<team>`, `<service name>`) is a
 * slot a template left, which the page shows as nothing.
 */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(('a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup data '
  + 'datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd '
  + 'label legend li link main map mark meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select '
  + 'small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr').split(' '));
