import type { Decoder } from '../properties/registry.js';
import { UNTYPED } from '../properties/values.js';
import { isXmlSpace } from '../status.js';
import { detach } from '../strings.js';
import type { XmlElement } from '../types.js';
import { textElement as element } from './capture.js';
import type { Props } from './model.js';
import { quote } from './report.js';
import type { Report } from './report.js';

const EMPTY_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * The value decisions of a propstat: each property's text or subtree through its decoder into the
 * typed slot, or, when it does not fit its type, as sent into the propstat's `raw` map (with a
 * `BAD_VALUE` or `IMPRECISE_NUMBER` diagnostic). Every such decision is made here.
 */
export class PropertyValues {
  /** The raw map of the propstat being built (the builder resets it per propstat). */
  raw: Record<string, string | XmlElement> | undefined = undefined;

  constructor(private readonly report: Report) {}

  /**
   * props[key] = decodeProperty(...), a string detached from its chunk (the response will keep it).
   * A value kept in `raw` instead leaves no key (it removes a placeholder or an earlier duplicate).
   */
  set(
    props: Props,
    decoder: Decoder | undefined,
    key: string,
    text: string,
    root: XmlElement | undefined,
    attrs: Record<string, string> | undefined,
  ): void {
    const value = this.decodeProperty(decoder, key, text, root, attrs);
    if (value === undefined) delete props[key];
    else props[key] = typeof value === 'string' ? detach(value) : value;
  }

  /**
   * The value of a property in a 2xx propstat: its decoder's typed value, or undefined when the
   * value went to the propstat's raw map instead (with a BAD_VALUE diagnostic where it does not
   * parse). The typed slot holds only a typed value. Every BAD_VALUE decision is here.
   */
  private decodeProperty(
    decoder: Decoder | undefined,
    key: string,
    text: string,
    root: XmlElement | undefined,
    attrs: Record<string, string> | undefined,
  ): unknown {
    if (decoder === undefined) return root ?? (attrs === undefined ? text : element(key, attrs, text));
    const report = this.report;
    if (decoder.custom) {
      const raw = root ?? (attrs === undefined ? text : element(key, attrs, text));
      let value: unknown;
      try {
        value = (decoder.decode as (v: string | XmlElement) => unknown)(raw);
      } catch (e) {
        report.diag('BAD_VALUE', `the decoder of ${key} failed (${e instanceof Error ? e.message : String(e)}); the value as sent is in raw`);
        return this.keepRaw(key, text, root, attrs);
      }
      if (value !== undefined) return value;
      report.diag('BAD_VALUE', `the decoder of ${key} returned undefined; the value as sent is in raw`);
      return this.keepRaw(key, text, root, attrs);
    }
    let value: unknown;
    if (!decoder.element) {
      if (root !== undefined) {
        report.diag('BAD_VALUE', `${key} has element content where text was expected; the value as sent is in raw`);
        return this.keepRaw(key, text, root, attrs);
      }
      value = (decoder.decode as (v: string) => unknown)(text);
      if (value === undefined) {
        // An empty element (a propname answer) goes to raw without a diagnostic.
        if (text !== '' && !isXmlSpace(text)) report.diag('BAD_VALUE', `${key} ${quote(text)} does not parse; the value as sent is in raw`);
        return this.keepRaw(key, text, root, attrs);
      }
      if (typeof value === 'number' && (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER)) {
        // Past 2^53: the nearest number stays typed, the exact digits go to raw beside it.
        report.diag('IMPRECISE_NUMBER', `${key} ${quote(text)} is past 2^53: props holds the nearest number, raw the digits as sent`);
        this.keepRaw(key, text, root, attrs);
      }
    } else {
      value = (decoder.decode as (v: XmlElement) => unknown)(root ?? element(key, attrs ?? EMPTY_ATTRS, text));
      if (value === undefined) {
        report.diag('BAD_VALUE', `${key} does not have the expected structure; the value as sent is in raw`);
        return this.keepRaw(key, text, root, attrs);
      }
    }
    // UNTYPED: well-formed but not the typed form (an expand-property answer, an empty (href?)).
    return value === UNTYPED ? this.keepRaw(key, text, root, attrs) : value;
  }

  /** Puts the value as sent (what `typed: false` gives) in the propstat's raw map; returns undefined. */
  private keepRaw(key: string, text: string, root: XmlElement | undefined, attrs: Record<string, string> | undefined): undefined {
    (this.raw ??= {})[key] = root ?? (attrs === undefined ? detach(text) : element(key, attrs, text));
    return undefined;
  }
}
