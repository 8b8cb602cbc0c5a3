/**
 * A guide sentence that says where a request goes must say which code layout it is about: the
 * written guide's and today's code route person data differently. This module knows the phrasings
 * that state a route and the words that name a layout, and finds blocks (a paragraph, a list item,
 * a table, a heading) with the first and none of the second. Code blocks are not prose.
 */
import { Lexer, type Token, type Tokens } from "marked";

/** How the guide states a route. Extend the list when a page finds a new way to say it. */
export const ROUTING_PHRASES: readonly RegExp[] = [
  /\bgo(?:es)? to the (?:leader|replica)\b/i,
  /\bserved (?:\S+ ){0,6}by the (?:leader|replica)\b/i,
  /\b(?:sends?|hand|hands) (?:\S+ ){0,5}to the (?:leader|replica)\b/i,
  /\breach(?:es)? the (?:leader|replica)\b/i,
  /\brouted (?:to|through) the (?:leader|replica)\b/i,
  /\b(?:leader|replica)-bound\b/i,
  /\ball operations: (?:leader|replica)\b/i,
];

/** Words that name a layout; one of them must be in the block that states a route. */
export const LAYOUT_MARKERS: readonly string[] = [
  "the written guide",
  "the guide's layout",
  "today's code",
  "current code",
];

export interface UnlabelledClaim {
  readonly phrase: string;
  readonly block: string;
}

function blocksOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.type === "code" || token.type === "html" || token.type === "space") continue;
    if (token.type === "list")
      for (const item of (token as Tokens.List).items) out.push(...itemBlocks(item));
    else if (token.type === "blockquote")
      out.push(...blocksOf((token as Tokens.Blockquote).tokens));
    else out.push(token.raw);
  }
  return out;
}

/** A list item is one block, without the code or nested lists it holds (those are their own). */
function itemBlocks(item: Tokens.ListItem): string[] {
  const own = item.tokens.filter((t) => t.type === "text" || t.type === "paragraph");
  const nested = item.tokens.filter((t) => t.type !== "text" && t.type !== "paragraph");
  return [own.map((t) => t.raw).join("\n"), ...blocksOf(nested)];
}

/** Every prose block of a page's Markdown (directives already expanded) stating a route bare. */
export function unlabelledRoutingClaims(markdown: string): UnlabelledClaim[] {
  const claims: UnlabelledClaim[] = [];
  for (const block of blocksOf(new Lexer().lex(markdown))) {
    const text = block.replace(/\s+/g, " ");
    const lower = text.toLowerCase();
    if (LAYOUT_MARKERS.some((marker) => lower.includes(marker))) continue;
    for (const phrase of ROUTING_PHRASES) {
      const match = phrase.exec(text);
      if (match) claims.push({ phrase: match[0], block: text.trim() });
    }
  }
  return claims;
}
