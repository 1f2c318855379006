/** The tokenizer's reasons for refusing a body, in the words the library prints. */
export const M = {
  textOutsideRoot: 'text outside the root element',
  badChar: 'a character that XML does not allow here',
  loneSurrogate: 'a lone surrogate (half of a UTF-16 pair) in the text',
  badNameChar: 'a character that is not allowed in an element name',
  badEndChar: 'a character that is not allowed in an end tag',
  notQName: 'a name that is not a QName (Namespaces in XML: at most one colon, between a prefix and a local part)',
  badAttrNameChar: 'a character that is not allowed in an attribute name',
  badPiChar: 'a character that is not allowed in a processing instruction name',
  badRefChar: 'a character that is not allowed in an entity reference',
  noRoot: 'no root element',
  secondRoot: 'a second root element (a document has only one)',
  emptyRef: 'an empty entity reference "&;"',
  undefinedRef: 'an undefined entity (only &lt; &gt; &amp; &apos; &quot; are known; no DTD entity is expanded)',
  badCharRef: 'a malformed character reference (&#…;)',
  badComment: 'a malformed comment ("--" inside a comment)',
  slashNotClosing: 'a "/" in a start tag that is not followed by ">"',
  secondDoctype: 'a second DOCTYPE (a document has at most one)',
  lateDoctype: 'a DOCTYPE after the root element has started',
  badMarkup: 'malformed markup',
  noValue: 'an attribute without a value',
  unquoted: 'an attribute value without quotes',
  ltInValue: 'a "<" in an attribute value',
  noSpaceBetweenAttrs: 'no space between two attributes',
  noPiTarget: 'a processing instruction without a target',
  piXml: 'a processing instruction named "xml" in another case (the name is reserved)',
  piColon: 'a colon in a processing instruction target (XML namespaces forbid it)',
  closeWithoutOpen: 'an end tag with no element open',
  unexpectedEnd: 'the body ended in the middle of markup',
  emptyEnd: 'an empty end tag "</>"',
  spaceRequired: 'a space is missing',
  cdataEnd: '"]]>" in text (it may only end a CDATA section)',
  cdataOutsideRoot: 'a CDATA section outside the root element',
  declIncomplete: 'an incomplete XML declaration',
  declNoVersion: 'an XML declaration without a version',
  declNotAtStart: 'an XML declaration that is not at the start of the body',
  declBad: 'a malformed XML declaration',
  declStandalone: 'standalone in the XML declaration must be "yes" or "no"',
  declVersion: 'an XML version other than 1.x',
  declEncoding: 'an encoding name in the XML declaration that is not one',
} as const;

/** An end tag that closes another element than the one open. */
export function mismatch(end: string, open: string): string {
  return `the end tag </${end}> does not match <${open}>`;
}

/** An attribute name given twice on one element. */
export function duplicate(name: string): string {
  return `an attribute given twice: ${name}`;
}

/** The document ended with elements still open. */
export function unclosed(name: string): string {
  return `an element never closed: <${name}>`;
}
