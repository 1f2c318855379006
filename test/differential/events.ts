export type XmlEvent =
  | { t: 'open'; name: string; attrs: [string, string][] } // Clark names {uri}local ({}local for no namespace), attrs in document order, xmlns declarations excluded
  | { t: 'close'; name: string }
  | { t: 'text'; text: string }; // adjacent text and CDATA merged; whitespace outside the root dropped
export type Outcome = { ok: true; events: XmlEvent[] } | { ok: false; line: number; column: number; message: string };
export type Tokenize = (chunks: string[], options?: { strict?: boolean }) => Outcome;
