/**
 * What the tokenizer hands on, one method each, called synchronously during `write()` and
 * `end()`. A start tag's attributes come first (`onAttribute`, in document order), then
 * `onOpen`; an empty-element tag is `onOpen` then `onClose`. Names are the strings as written
 * (`D:href`), the same string object each time a recently seen name repeats.
 */
export interface TokenEvents {
  /** An attribute of the start tag being read: its name and its normalised value, references resolved. */
  onAttribute(name: string, value: string): void;
  /** A start tag has been read (after its attributes); `selfClosing` for `<x/>`. */
  onOpen(name: string, selfClosing: boolean): void;
  /** An element closes: its end tag (already checked against the start tag) or right after an empty-element tag. */
  onClose(name: string): void;
  /** Character data inside the root element: text (references resolved, line ends normalised) or a CDATA section. */
  onText(text: string): void;
  /** A DOCTYPE before the root element was skipped (nothing in it is processed). */
  onDoctype(): void;
  /** A tolerated mistake (non-strict recovery); the receiver may throw to refuse it. */
  onDiagnostic(code: string, message: string): void;
  /** A well-formedness error: must throw (the tokenizer cannot go on). */
  onError(message: string): never;
  /** A token longer than the tokenizer's `maxToken`: must throw. */
  onTooLong(): never;
}
