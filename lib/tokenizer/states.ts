// The tokenizer's states: what the next character continues.

/** Character data (inside the root element), or only whitespace (outside it). */
export const TEXT = 0;
/** Just after `<`. */
export const LT = 1;
/** In a start tag's name. */
export const START_NAME = 2;
/** In a start tag, between its name or an attribute and what follows. */
export const IN_TAG = 3;
/** In an attribute name. */
export const ATTR_NAME = 4;
/** After an attribute name: whitespace, then `=`. */
export const ATTR_EQ = 5;
/** After `=`: whitespace, then a quote. */
export const ATTR_QUOTE = 6;
/** In a quoted attribute value. */
export const ATTR_VALUE = 7;
/** After `/` in a start tag: `>` must follow. */
export const EMPTY_END = 8;
/** In an end tag's name. */
export const END_NAME = 9;
/** After an end tag's name: whitespace, then `>`. */
export const END_SPACE = 10;
/** After `<!`: `--`, `[CDATA[` or `DOCTYPE` follows. */
export const BANG = 11;
/** In a comment. */
export const COMMENT = 12;
/** In a CDATA section. */
export const CDATA = 13;
/** In a processing instruction's target. */
export const PI_TARGET = 14;
/** In a processing instruction's body. */
export const PI_BODY = 15;
/** In the XML declaration. */
export const DECLARATION = 16;
/** In a DOCTYPE (skipped). */
export const DOCTYPE = 17;
/** In an entity or character reference. */
export const REF = 18;
