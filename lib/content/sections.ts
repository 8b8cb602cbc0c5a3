/**
 * A rendered guide page cut into its sections (the text under each heading), as plain text: what
 * the search index holds, so a result opens the section that matches. Read from the page's own
 * HTML, so generated tables, code and inline code are indexed exactly as the reader sees them.
 */

export interface Section {
  /** The heading's id (the deep link); null for the text before the first heading. */
  readonly id: string | null;
  /** The heading as text; the page title for the text before the first heading. */
  readonly heading: string;
  readonly text: string;
}

const HEADING = /<h[1-6] id="([^"]*)">([\s\S]*?)<\/h[1-6]>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
};

/** Visible text of our own rendered HTML: copy buttons dropped, blocks apart, entities decoded. */
export function htmlText(html: string): string {
  const text = html
    .replace(/<button[^>]*>[^<]*<\/button>/g, " ")
    .replace(/<\/(?:p|li|td|th|tr|div|pre|h[1-6]|ul|ol|table|blockquote)>|<br\s*\/?>/g, " ")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

/** The characters behind the HTML entities our renderer writes (and numeric ones); others kept. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9#]+);/gi, (entity, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (/^#\d/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? entity;
  });
}

export function sectionsOf(html: string, title: string): Section[] {
  const sections: Section[] = [];
  let current: { id: string | null; heading: string; start: number } = {
    id: null,
    heading: title,
    start: 0,
  };
  const close = (end: number) => {
    const text = htmlText(html.slice(current.start, end));
    if (text || current.id) sections.push({ id: current.id, heading: current.heading, text });
  };
  for (const match of html.matchAll(HEADING)) {
    close(match.index);
    current = {
      id: match[1] ?? "",
      heading: htmlText(match[2] ?? ""),
      start: match.index + match[0].length,
    };
  }
  close(html.length);
  return sections;
}
