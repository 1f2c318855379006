/**
 * saxes' reasons for refusing a body, in our own words. saxes reports well-formedness errors
 * with its own phrases ("text data outside of root node."); the parser passes each through
 * {@link xmlReason} so that every message the library prints is written the same way. Reasons
 * that carry a name (`unmatched closing tag: x.`) are matched by their fixed start.
 */

/** saxes' fixed phrases (without its `line:column: ` prefix) and what we say instead. */
export const XML_REASONS: ReadonlyMap<string, string> = new Map([
  ['text data outside of root node.', 'text outside the root element'],
  ['disallowed character.', 'a character that XML does not allow here'],
  ['disallowed character in tag name.', 'a character that is not allowed in an element name'],
  ['disallowed character in tag name', 'a character that is not allowed in an element name'],
  ['disallowed character in closing tag.', 'a character that is not allowed in an end tag'],
  ['disallowed character in attribute name.', 'a character that is not allowed in an attribute name'],
  ['disallowed character in processing instruction name.', 'a character that is not allowed in a processing instruction name'],
  ['disallowed character in entity name.', 'a character that is not allowed in an entity reference'],
  ['document must contain a root element.', 'no root element'],
  ['documents may contain only one root.', 'a second root element (a document has only one)'],
  ['empty entity name.', 'an empty entity reference "&;"'],
  ['undefined entity.', 'an undefined entity (only &lt; &gt; &amp; &apos; &quot; are known; no DTD entity is expanded)'],
  ['malformed character entity.', 'a malformed character reference (&#…;)'],
  ['malformed comment.', 'a malformed comment ("--" inside a comment)'],
  ['forward-slash in opening tag not followed by >.', 'a "/" in a start tag that is not followed by ">"'],
  ['inappropriately located doctype declaration.', 'a DOCTYPE after the root element has started'],
  ['incorrect syntax.', 'malformed markup'],
  ['attribute without value.', 'an attribute without a value'],
  ['value required.', 'an attribute without a value'],
  ['value must be quoted.', 'an attribute value without quotes'],
  ['unquoted attribute value.', 'an attribute value without quotes'],
  ['no whitespace between attributes.', 'no space between two attributes'],
  ['processing instruction without a target.', 'a processing instruction without a target'],
  ['processing instructions are not allowed before root.', 'a processing instruction before the root element where none is allowed'],
  ['unexpected close tag.', 'an end tag with no element open'],
  ['unexpected end.', 'the body ended in the middle of markup'],
  ['weird empty close tag.', 'an empty end tag "</>"'],
  ['whitespace required.', 'a space is missing'],
  ['the string "]]>" is disallowed in char data.', '"]]>" in text (it may only end a CDATA section)'],
  ['XML declaration is incomplete.', 'an incomplete XML declaration'],
  ['XML declaration must contain a version.', 'an XML declaration without a version'],
  ['an XML declaration must be at the start of the document.', 'an XML declaration that is not at the start of the body'],
  ['the XML declaration must appear at the start of the document.', 'an XML declaration that is not at the start of the body'],
  ['The character ? is disallowed anywhere in XML declarations.', 'a "?" inside the XML declaration'],
  ['did not expect any more name/value pairs.', 'too many settings in the XML declaration'],
  ['standalone value must match "yes" or "no".', 'standalone in the XML declaration must be "yes" or "no"'],
  ['version number must match /^1\\.[0-9]+$/.', 'an XML version other than 1.x'],
  ['invalid attempt to undefine prefix in XML 1.0', 'a namespace prefix undeclared, which XML 1.0 does not allow'],
  ['may not assign the xml namespace to another prefix.', 'the xml namespace bound to another prefix'],
  ['tags may not have "xmlns" as prefix.', 'an element with the prefix "xmlns"'],
]);

/** Reasons that end with a name or a list, by their fixed start: [saxes' start, our start]. */
const PATTERNS: readonly [from: string, to: string][] = [
  ['unmatched closing tag: ', 'an end tag with no matching start tag: </'],
  ['unclosed tag: ', 'an element never closed: <'],
  ['duplicate attribute: ', 'an attribute given twice: '],
  ['malformed name: ', 'a name that XML does not allow: '],
  ['unbound namespace prefix: ', 'an undeclared namespace prefix: '],
  ['expected one of ', 'the XML declaration wants one of: '],
  ['expected the name ', 'the XML declaration wants the name '],
  ['the default namespace may not be set to ', 'the default namespace set to a reserved URI: '],
  ['xml prefix must be bound to ', 'the xml prefix bound to another URI than '],
  ['xmlns prefix must be bound to ', 'the xmlns prefix bound to another URI than '],
];

/** Our wording for saxes' reason `message` (its `line:column: ` prefix already removed). */
export function xmlReason(message: string): string {
  const fixed = XML_REASONS.get(message);
  if (fixed !== undefined) return fixed;
  for (const [from, to] of PATTERNS) {
    if (!message.startsWith(from)) continue;
    let rest = message.slice(from.length);
    if (rest.endsWith('.')) rest = rest.slice(0, -1);
    return to.endsWith('</') || to.endsWith('<') ? `${to}${rest}>` : to + rest;
  }
  // A reason this table does not know yet (a newer saxes): its words, without the full stop.
  return `malformed XML: ${message.endsWith('.') ? message.slice(0, -1) : message}`;
}
